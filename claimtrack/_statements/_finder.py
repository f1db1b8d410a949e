"""
The finder: the rules that read who said what, sentence by sentence.

For each reporting cue in a sentence the rules try, in order:

1. the attribution after its content: ``"...," she said`` or ``..., said the
   minister`` (the content runs from the clause's start to the comma);
2. the attribution before its content: ``she said (that) ...`` or ``he
   told reporters: "..."`` (the content runs to the clause's end);
3. ``according to X, ...`` and ``..., according to X``.

A content that is one quotation is direct; one holding a quotation is
mixed; one with none is indirect. A quotation left without a cue in its
sentence is floating and goes to the speaker of the statement before it,
in the same paragraph or the one before.
"""

from collections.abc import Sequence

import attrs

from claimtrack._statements._cues import (
    NOUN_CUES,
    SAY_VERBS,
    TIME_WORDS,
    base_of,
    is_noun_form,
    is_participle,
)
from claimtrack._statements._sentences import Paragraph, Token, paragraphs
from claimtrack._statements._speakers import (
    Mention,
    Resolved,
    Resolver,
    appositive,
    is_name_word,
    mention_ending,
    mention_starting,
)
from claimtrack._statements._words import (
    CLAUSE_STARTS,
    DETERMINERS,
    FINITE_VERBS,
    PREPOSITIONS,
    PRONOUNS,
    SKIPPED_BEFORE_CUE,
    SUBJECT_PRONOUNS,
    words,
)


_PASSIVE = frozenset(["was", "were", "been", "being", "is", "are", "be", "am"])
_MIN_INDIRECT_WORDS = 3
_MIN_FLOATING_WORDS = 2
_MAX_ATTRIBUTION_TAIL = 8
_MAX_PHRASE = 6
_OBJECTS = frozenset(
    ["me", "him", "her", "them", "us", "you", "reporters", "journalists"]
)
_ADJUNCT_PREPOSITIONS = words(
    "in on at during to via through after before from by"
)
_DATE_LEAD = frozenset(
    ["on", "last", "this", "earlier", "next", "late", "early"]
)
_PLATFORM_VERBS = frozenset(("post", "write", "say", "tweet"))
_PLATFORM_PHRASE = 2
_MAX_SOURCE = 24
_WHEN_REACH = 16
_SUBJECT_REACH = 24
_QUOTED_AS = (["was", "quoted", "as"], ["were", "quoted", "as"])
_WRITER = frozenset(("i", "we"))
_MIN_NAMED_WORDS = 2
_CALLED_OBJECT = 5
_NAMING = words(
    "call calls called calling describe describes described describing"
)
_NAMED = words("it them him her this that")
_SPEAKER_WORDS = 6
_DASHES = frozenset(",\u2014\u2013")
_BREAKS = frozenset(";(")
_MAX_APPOSITIVE_TOKENS = 24
_LABEL_WORDS = 3
_LABELS = words("watch read listen related video photos more see also")
_CREDIT_TOKENS = 12
_RUNNING_TIME_TOKENS = 3
_JOINERS = frozenset(("and", "but"))
_PHRASE_STOPS = DETERMINERS | PRONOUNS | PREPOSITIONS | {"that"}
_PLAIN_VERBS = frozenset(("say", "tell"))
_URGING = frozenset(("warn", "urge", "advise", "remind", "ask", "caution"))
_NOT_SUBJECTS = words(
    "while when as after before because since until if just not"
)
_CLAUSE_VERB_WITHIN = 9
_SHORTEST_PAST = 3
_NOT_VERB_ENDINGS = ("ss", "\u2019s", "'s", "us", "is", "ics", "ness")
_RELATIVES = frozenset(("who", "which", "whose", "where", "when"))
_ENDS = frozenset(".!?")
_TAIL_STARTS = (
    _ADJUNCT_PREPOSITIONS
    | TIME_WORDS
    | _DATE_LEAD
    | words(
        "as when while because outside about of after before and but with "
        "without by near inside over into under afterward afterwards later "
        "earlier"
    )
)
_ANONYMOUS_VERBS = frozenset(("emerged", "understood", "reported", "rumoured"))


@attrs.frozen
class Found:
    """
    A statement found in a text.

    Offsets are code points into the text as given, end exclusive. A
    direct quotation's span holds its quotation marks.

    Attributes:
        start: Where the statement starts.
        end: Where it ends.
        kind: ``"direct"`` (a quotation), ``"indirect"`` (reported speech),
            ``"mixed"`` (reported speech holding a quoted fragment) or
            ``"floating"`` (a quotation alone in its sentence, given to
            the speaker of the statement before it).
        speaker: The resolved name ("Marco Rubio" for "he", "Rubio" or
            "the secretary"); the mention as written when it names no one
            ("officials"); "" when nothing attributes the statement.
        speaker_start: Where the mention of the speaker starts, or None.
        speaker_end: Where it ends, or None.
        speaker_kind: ``"person"``, ``"organization"``, ``"group"`` or
            ``"anonymous"``.
        role: The speaker's role from a title or an appositive, or None.
        known: The `Known.key` the speaker resolved to, or None.
        cue: The cue as written ("said", "told reporters", "according
            to"); "" for a floating quotation.
        cue_start: Where the cue starts, or None.
        cue_end: Where it ends, or None.
        when: The date words of the attribution ("on Monday"), or None.
        confidence: How clear the attribution is: above 0, at most 1.
    """

    start: int
    end: int
    kind: str
    speaker: str
    speaker_start: int | None
    speaker_end: int | None
    speaker_kind: str
    role: str | None
    known: str | None
    cue: str
    cue_start: int | None
    cue_end: int | None
    when: str | None
    confidence: float


@attrs.define
class _Attribution:
    """
    Who said it and with which cue, while a sentence is read.
    """

    mention: Mention
    resolved: Resolved | None
    cue_first: int
    cue_last: int
    role: str | None = None


@attrs.define
class _Reader:
    """
    Read one text's statements, paragraph by paragraph.
    """

    text: str
    resolver: Resolver
    drafts: list[Found] = attrs.Factory(list)
    last_paragraph: int = -10
    held: list[int] = attrs.Factory(list)

    def read(self) -> list[Found]:
        """
        Read every paragraph of the text, in order.
        """
        for index, paragraph in enumerate(paragraphs(self.text)):
            self._paragraph(index, paragraph)
        return sorted(self.drafts, key=lambda d: (d.start, d.end))

    def _paragraph(self, index: int, paragraph: Paragraph) -> None:
        """
        Read one paragraph's sentences.
        """
        held = self.held if paragraph.continues else []
        self.held = []
        if _caption(paragraph):
            return
        for sentence in paragraph.sentences:
            found = _SentenceReader(self, sentence).read()
            if found:
                self.last_paragraph = index
            self._floating(index, sentence, found)
            self._notice(sentence)
            self._carry(held, found)
            held = []

    def _carry(self, held: list[int], found: list[Found]) -> None:
        """
        Give the quotation's pieces before its attribution its speaker.

        In "“We tried. [new paragraph] “Nothing worked,” she said.", the
        first piece floats until the second names who speaks.
        """
        spoken = next((d for d in found if d.kind != "floating"), None)
        if spoken is None:
            return
        for at in held:
            self.drafts[at] = attrs.evolve(
                self.drafts[at],
                speaker=spoken.speaker,
                speaker_kind=spoken.speaker_kind,
                role=spoken.role,
                known=spoken.known,
            )

    def _notice(self, tokens: Sequence[Token]) -> None:
        """
        Note the people a sentence names, for the pronouns after it.
        """
        for at in reversed(range(len(tokens))):
            token = tokens[at]
            if not is_name_word(token):
                continue
            following = tokens[at + 1] if at + 1 < len(tokens) else None
            if following is not None and is_name_word(following):
                continue
            mention = mention_ending(self.text, tokens, at, 0)
            if mention is None:
                continue
            evident = following is not None and (
                _aged(tokens, at + 1)
                or (mention.first < mention.last and _verb_like(following))
            )
            self.resolver.notice(mention, evident=evident)

    def _floating(
        self, index: int, tokens: Sequence[Token], found: list[Found]
    ) -> None:
        """
        Give the quotations no rule took to the last speaker nearby.
        """
        taken = [(d.start, d.end) for d in found]
        others = sum(1 for t in tokens if t.kind != "p") - 1
        for token in tokens:
            if token.kind != "q" or any(
                s <= token.start < e for s, e in taken
            ):
                continue
            if not _floats(token, others) or token.text[0] in "\u2018'":
                continue
            person = self.resolver.last_speaker()
            near = index - self.last_paragraph <= 1
            if person is not None:
                self.resolver.repeat(person)
                self.drafts.append(
                    Found(
                        token.start,
                        token.end,
                        "floating",
                        person.name,
                        None,
                        None,
                        person.kind,
                        person.role,
                        person.key,
                        "",
                        None,
                        None,
                        None,
                        0.6 if near else 0.3,
                    )
                )
                if not token.closed:
                    self.held.append(len(self.drafts) - 1)
                self.last_paragraph = index


def _aged(tokens: Sequence[Token], at: int) -> bool:
    """
    Whether an age follows at *at*, as in "Jane Roe, 54,".
    """
    return (
        at + 1 < len(tokens)
        and tokens[at].text == ","
        and tokens[at + 1].text.isdigit()
    )


def _verb_like(token: Token) -> bool:
    """
    Whether *token* is likely a verb after a subject: "arrived", "is".
    """
    low = token.lower
    return (
        token.kind == "w"
        and not token.capital
        and (
            low.endswith("ed")
            or low in FINITE_VERBS
            or base_of(low) is not None
        )
    )


def _caption(paragraph: Paragraph) -> bool:
    """
    Whether *paragraph* is a caption, a heading or a link.

    Photo captions, videos' headings and links to other stories hold no
    statements of the article. They end with a credit ("(Jane Roe/Agency)",
    or "Jane Roe/AGENCY" after the last full stop) or a running time
    ("2:05"), or start with a label and a colon ("READ MORE:", "Watch:").
    """
    tokens = [t for s in paragraph.sentences for t in s]
    label = next(
        (at for at, t in enumerate(tokens[:_LABEL_WORDS]) if t.text == ":"),
        0,
    )
    if label and all(
        t.text.isupper() or t.lower in _LABELS for t in tokens[:label]
    ):
        return True
    tail = tokens[-_CREDIT_TOKENS:]
    stop = max(
        (at for at, t in enumerate(tail) if t.text in "(.!?"), default=-1
    )
    credit = any(t.text == "/" for t in tail[stop + 1 :])
    return credit or _running_time(tail)


def _running_time(tail: Sequence[Token]) -> bool:
    """
    Whether *tail* ends with a video's running time, as "10:43".
    """
    return (
        len(tail) >= _RUNNING_TIME_TOKENS
        and tail[-1].text.isdigit()
        and tail[-2].text == ":"
        and tail[-3].text.isdigit()
    )


def _floats(quote: Token, others: int) -> bool:
    """
    Whether *quote* stands alone enough in its sentence to be a statement.

    *others* is how many words and quotations the sentence holds besides.
    """
    words = len(quote.text.split())
    if words < _MIN_FLOATING_WORDS:
        return False
    return others <= 1 or words >= others * 2


@attrs.define
class _SentenceReader:
    """
    Read the statements of one sentence.
    """

    reader: _Reader
    tokens: Sequence[Token]
    found: list[Found] = attrs.Factory(list)
    floor: int = 0
    subject: _Attribution | None = None

    @property
    def text(self) -> str:
        """
        The whole text.
        """
        return self.reader.text

    def read(self) -> list[Found]:
        """
        Find the sentence's statements, cue by cue.
        """
        at = 0
        while at < len(self.tokens):
            at = self._cue(at) + 1
        self._colon()
        self._anonymous()
        self.reader.drafts.extend(self.found)
        return self.found

    def _cue(self, at: int) -> int:
        """
        Read a statement if token *at* is a cue; return the last index used.
        """
        token = self.tokens[at]
        if token.kind != "w" or at < self.floor:
            return at
        if token.lower == "according" and self._next_is(at, "to"):
            return self._according(at)
        if token.lower in _NAMING:
            return self._naming(at) or at
        noun = self._noun_cue(at) if token.lower in NOUN_CUES else 0
        if (
            noun
            or token.capital
            or base_of(token.text) is None
            or (at > 0 and self.tokens[at - 1].lower in _PASSIVE)
        ):
            return noun or at
        return self._after(at) or self._before(at) or at

    def _next_is(self, at: int, word: str) -> bool:
        """
        Whether the token after *at* is the word *word*.
        """
        return at + 1 < len(self.tokens) and self.tokens[at + 1].lower == word

    # -- rule 1: the attribution after the content ----------------------

    def _after(self, cue: int) -> int:
        """
        Read ``CONTENT, SPEAKER CUE`` or ``CONTENT, CUE SPEAKER``.
        """
        tokens = self.tokens
        found = self._attribution_after(cue)
        if found is None:
            return 0
        mention, role, attribution_first, after = found
        content_last = attribution_first - 1
        while content_last > self.floor and tokens[content_last].kind == "p":
            content_last -= 1
        kind = _content_kind(tokens[self.floor : content_last + 1])
        tail = self._tail(after, quoted=kind == "direct")
        if tail < 0:
            return 0
        if kind == "indirect" and (
            content_last - self.floor < _MIN_INDIRECT_WORDS
            or _asked(tokens[self.floor : content_last + 1])
        ):
            return 0
        attribution = self._attribute(mention, cue, cue, role)
        self._add(self.floor, content_last, kind, attribution, tail)
        return self._more_after(
            attribution, tail, parenthetical=attribution_first != cue
        )

    def _attribution_after(
        self, cue: int
    ) -> tuple[Mention, str | None, int, int] | None:
        """
        The attribution that follows a content and ends with *cue*.

        Returns the mention, its role, the attribution's first token and
        the token after it; or None.
        """
        tokens = self.tokens
        before = self._mention_before(cue)
        if before is not None and self._opens_attribution(before[0].first):
            mention, role = before
            return mention, role, mention.first, cue + 1
        word = tokens[cue].text
        if (
            (before is not None and before[0].form in ("name", "pronoun"))
            or is_noun_form(word)
            or is_participle(word)
            or not self._opens_attribution(cue)
            or cue + 1 >= len(tokens)
        ):
            return None
        following = mention_starting(self.text, tokens, cue + 1, len(tokens))
        if following is None:
            return None
        role, after = self._role_after(following, following.last + 1)
        return following, role, cue, after

    def _opens_attribution(self, first: int) -> bool:
        """
        Whether an attribution may start at token *first*.

        It may right after a comma, a dash or a quotation that ends its
        content.
        """
        if first <= self.floor:
            return False
        before = self.tokens[first - 1]
        if before.kind == "q":
            return True
        return before.text in ",\u2014\u2013" and first - 1 > self.floor

    def _role_after(
        self, mention: Mention, after: int
    ) -> tuple[str | None, int]:
        """
        Read an appositive after a mention that follows its cue.
        """
        tokens = self.tokens
        if (
            after < len(tokens)
            and tokens[after].text == ","
            and mention.last + 1 == after
            and mention.form != "pronoun"
        ):
            role, stop = appositive(self.text, tokens, after, len(tokens))
            if stop > after:
                return role or mention.role, stop
        return mention.role, after

    def _tail(self, after: int, *, quoted: bool) -> int:
        """
        Where the words after an attribution end.

        Returns -1 when they are a clause of their own rather than adjuncts
        ("in a statement", "on Monday"). After a *quoted* content any words
        will do, up to a comma.
        """
        tokens = self.tokens
        at = after
        if at < len(tokens) and base_of(tokens[at - 1].text) == "tell":
            at = _skip_object(tokens, at)
        if quoted:
            while at < len(tokens) and tokens[at].kind == "w":
                at += 1
            return at
        if (
            at < len(tokens)
            and tokens[at].kind == "w"
            and (tokens[at].lower not in _TAIL_STARTS)
        ):
            return -1
        while at < len(tokens):
            token = tokens[at]
            if token.kind == "q":
                return -1
            if token.text in (",", ";", ":") or token.text in _ENDS:
                return at
            if at - after >= _MAX_ATTRIBUTION_TAIL:
                return -1
            at += 1
        return at

    def _more_after(
        self, attribution: _Attribution, at: int, *, parenthetical: bool
    ) -> int:
        """
        Read what goes on after an attribution.

        After ``"...," he said``, read a second quotation: ``, "..."``; after
        a *parenthetical* ``..., he said, ...``, the clause that goes on.
        """
        tokens = self.tokens
        if (
            at + 1 < len(tokens)
            and tokens[at].text in ",:"
            and (tokens[at + 1].kind == "q")
        ):
            last = at + 1
            if _ends_clause(tokens, last + 1):
                self._add(at + 1, last, "direct", attribution, last + 1)
                return last
        if (
            parenthetical
            and at + 1 < len(tokens)
            and tokens[at].text == ","
            and (
                tokens[at + 1].kind == "w"
                and not is_participle(tokens[at + 1].text)
                and tokens[at + 1].lower not in _RELATIVES
            )
        ):
            last = self._content_end(at + 1)
            content = tokens[at + 1 : last + 1]
            if len(content) >= _MIN_INDIRECT_WORDS and _finite(content):
                kind = _content_kind(content)
                self._add(at + 1, last, kind, attribution, at + 1)
                self.floor = last + 1
                return last
        self.floor = at
        self.subject = attribution
        return at - 1

    # -- rule 2: the attribution before the content ---------------------

    def _before(self, cue: int) -> int:
        """
        Read ``SPEAKER CUE (that) CONTENT``.
        """
        tokens = self.tokens
        attribution = self._speaker_before(cue)
        if attribution is None:
            return 0
        start = self._content_start(cue)
        if start >= len(tokens):
            return 0
        last = self._content_end(start)
        if last < start:
            return 0
        content = tokens[start : last + 1]
        kind = _content_kind(content)
        if (
            content[0].lower in PREPOSITIONS
            or (kind == "indirect" and not self._reported(cue, start, content))
            or (is_noun_form(tokens[cue].text) and not _opens_content(content))
        ):
            return 0
        self._add(start, last, kind, attribution, start)
        self.floor = last + 1
        return last

    def _reported(
        self, cue: int, start: int, content: Sequence[Token]
    ) -> bool:
        """
        Whether *content*, after *cue*, reads as reported speech.

        It does as a clause (after "that" or a colon, any words), or as "to"
        and a verb after "urged" and its kin.
        """
        before = self.tokens[start - 1]
        if before.lower == "to":
            return True
        if len(content) < _MIN_INDIRECT_WORDS:
            return False
        if before.lower == "that" or before.text == ":":
            return True
        if base_of(self.tokens[cue].text) in _PLAIN_VERBS:
            return content[0].lower not in PREPOSITIONS | _NOT_SUBJECTS
        return _clause_like(content)

    def _speaker_before(self, cue: int) -> _Attribution | None:
        """
        The speaker before *cue*.

        The speaker before *cue*: a mention, or the sentence's subject for
        ``, adding ...`` and ``and added ...``.
        """
        tokens = self.tokens
        last = _skip_back(tokens, cue - 1, self.floor)
        if last >= self.floor and (
            tokens[last].lower in _JOINERS
            or (tokens[last].text == "," and is_participle(tokens[cue].text))
        ):
            return self._inherited(cue)
        before = self._mention_before(cue)
        if before is None:
            return None
        mention, role = before
        return self._attribute(mention, cue, cue, role)

    def _mention_before(self, cue: int) -> tuple[Mention, str | None] | None:
        """
        The mention that ends before *cue*.

        An appositive between them gives its role ("Jane Roe, the city's
        engineer, said").
        """
        tokens = self.tokens
        last = _skip_back(tokens, cue - 1, self.floor)
        if last < self.floor:
            return None
        role = None
        if (
            tokens[last].lower == "who"
            and last - 2 >= self.floor
            and tokens[last - 1].text == ","
        ):
            last -= 2
        elif tokens[last].text == ",":
            return self._apposed(last)
        mention = mention_ending(self.text, tokens, last, self.floor)
        if mention is None or mention.name.lower() in _WRITER:
            return None
        return mention, role or mention.role

    def _apposed(self, comma: int) -> tuple[Mention, str | None] | None:
        """
        Read ``NAME, ROLE, CUE``.

        For ``NAME, ROLE, CUE`` (the comma before the cue at *comma*): the
        mention before the appositive, and the appositive as its role.

        The nearest comma that follows a name wins, so that an appositive
        may hold commas of its own ("Jane Roe, a teacher in Elm, Ont.,
        said"); when the appositive is itself the name ("His father, John
        Roe, said"), the name speaks and the phrase is its role.
        """
        tokens = self.tokens
        fallback: tuple[Mention, str | None] | None = None
        nearest: tuple[Mention, str | None] | None = None
        opening: tuple[Mention, str | None] | None = None
        low = max(self.floor, comma - _MAX_APPOSITIVE_TOKENS)
        for at in range(comma - 1, low, -1):
            token = tokens[at]
            if token.text in ";:" or token.kind == "q":
                break
            mention = (
                mention_ending(self.text, tokens, at - 1, self.floor)
                if token.text == ","
                else None
            )
            if mention is None:
                continue
            inner = tokens[at + 1 : comma]
            named = mention_ending(self.text, tokens, comma - 1, at + 1)
            if (
                (mention.form in ("noun", "title") or mention.kind != "person")
                and named is not None
                and named.form == "name"
                and named.kind == "person"
                and named.first == at + 1
            ):
                return named, mention.text
            role = _role_text(self.text, inner)
            person = mention.kind == "person" and mention.form in (
                "name",
                "pronoun",
            )
            if person and self._opens_clause(mention):
                opening = (mention, role)
            if (
                person
                and nearest is None
                and (
                    fallback is None
                    or fallback[0].form == "title"
                    or _relative_in(inner)
                )
            ):
                nearest = (mention, role)
            fallback = fallback or (mention, role)
        return opening or nearest or fallback

    def _opens_clause(self, mention: Mention) -> bool:
        """
        Whether *mention* opens its clause, as a full name or a pronoun.
        """
        before = self.tokens[mention.first - 1] if mention.first else None
        opens = (
            mention.first == self.floor
            or before is None
            or before.lower in CLAUSE_STARTS
        )
        return opens and (
            mention.form == "pronoun"
            or mention.first < mention.last
            or mention.honorific is not None
        )

    def _inherited(self, cue: int) -> _Attribution | None:
        """
        The subject a participle or ``and``-joined cue shares.
        """
        if self.subject is not None:
            return _Attribution(
                self.subject.mention,
                self.subject.resolved,
                cue,
                cue,
                self.subject.role,
            )
        tokens = self.tokens
        for first in _clause_starts(tokens, cue):
            mention = mention_starting(self.text, tokens, first, cue)
            if mention is not None and tokens[mention.last].lower not in (
                TIME_WORDS
            ):
                return self._attribute(mention, cue, cue, mention.role)
        return None

    def _content_start(self, cue: int) -> int:
        """
        The first token of the content after *cue*.

        It comes past the cue's object, its adjuncts, and "that" or a colon.
        """
        tokens = self.tokens
        at = cue + 1
        base = base_of(tokens[cue].text)
        if _that(tokens, at):
            return at + 1
        if base in _URGING:
            return _infinitive(tokens, at)
        if base == "tell":
            at = _skip_object(tokens, at)
        at = _skip_adjuncts(tokens, at)
        if _that(tokens, at) or (at < len(tokens) and tokens[at].text in ",:"):
            at += 1
        return at

    def _content_end(self, start: int) -> int:
        """
        The last token of the content that starts at *start*.
        """
        tokens = self.tokens
        at = start
        while at < len(tokens):
            token = tokens[at]
            if token.text in _BREAKS:
                break
            if (token.text == "," or token.lower in _JOINERS) and (
                self._new_attribution(at + 1)
            ):
                break
            if (
                token.lower in _JOINERS
                and at + 1 < len(tokens)
                and base_of(tokens[at + 1].text)
                and not is_participle(tokens[at + 1].text)
            ):
                break
            at += 1
        last = at - 1
        while last >= start and tokens[last].kind == "p":
            last -= 1
        return last

    def _new_attribution(self, at: int) -> bool:
        """
        Whether a new attribution starts at *at*, after a comma.

        That is a participle cue (", adding"), a joined one (", and
        added"), or a speaker of its own and a cue (", she said").
        """
        tokens = self.tokens
        if at >= len(tokens):
            return False
        if is_participle(tokens[at].text):
            return True
        following = tokens[at + 1 : at + 2]
        if tokens[at].lower in _JOINERS and following:
            return base_of(following[0].text) is not None
        cue = _next_cue(tokens, at)
        if cue < 0 or is_participle(tokens[cue].text):
            return False
        before = mention_ending(self.text, tokens, cue - 1, at)
        return before is not None and before.first == at

    # -- rule 3: according to --------------------------------------------

    def _according(self, at: int) -> int:
        """
        Read ``according to X, CONTENT`` or ``CONTENT, according to X``.
        """
        tokens = self.tokens
        first = at + 2
        stop = first
        while stop < len(tokens) and tokens[stop].text not in ",;.":
            if tokens[stop].kind == "q" or stop - first >= _MAX_SOURCE:
                return at
            stop += 1
        if stop == first:
            return at
        mention = _according_mention(self.text, tokens, first, stop)
        attribution = self._attribute(mention, at, at + 1, mention.role)
        if at > self.floor:
            return self._according_after(at, stop, attribution)
        if stop < len(tokens) and tokens[stop].text == ",":
            start = stop + 1
            last = self._content_end(start)
            if last - start + 1 >= _MIN_INDIRECT_WORDS:
                kind = _content_kind(tokens[start : last + 1])
                self._add(start, last, kind, attribution, start)
                self.floor = last + 1
                return last
        return at

    def _according_after(
        self, at: int, stop: int, attribution: _Attribution
    ) -> int:
        """
        Read ``CONTENT, according to X`` or ``"...," according to X``.
        """
        tokens = self.tokens
        before = tokens[at - 1]
        if before.kind == "q":
            self._add(at - 1, at - 1, "direct", attribution, stop)
            self.floor = stop
            return stop - 1
        last = at - 2
        while last >= self.floor and tokens[last].kind == "p":
            last -= 1
        if (
            before.text in _DASHES | {"("}
            and last - self.floor + 1 >= _MIN_INDIRECT_WORDS
        ):
            kind = _content_kind(tokens[self.floor : last + 1])
            self._add(self.floor, last, kind, attribution, stop)
            self.floor = stop
            return stop - 1
        return at

    # -- naming: "she called it a mistake", "described it as ..." -------

    def _naming(self, at: int) -> int:
        """
        Read ``SPEAKER called it CONTENT`` or ``described X as CONTENT``.

        What the speaker calls a thing is their statement: "They called it
        **a bandage solution**", "Police described him as **armed**".
        """
        tokens = self.tokens
        attribution = self._speaker_before(at)
        if attribution is None:
            return 0
        if tokens[at].lower.startswith("call"):
            start = _called(tokens, at + 1)
            if start < 0:
                return 0
        else:
            start = next(
                (
                    index + 1
                    for index in range(
                        at + 1, min(at + _MAX_PHRASE, len(tokens))
                    )
                    if tokens[index].lower == "as"
                ),
                len(tokens),
            )
        last = self._content_end(start)
        kind = _content_kind(tokens[start : last + 1])
        if kind == "indirect" and last - start + 1 < _MIN_NAMED_WORDS:
            return 0
        self._add(start, last, kind, attribution, start)
        self.floor = last + 1
        return last

    # -- a cue noun: "he gave a warning that ..." ------------------------

    def _noun_cue(self, at: int) -> int:
        """
        Read ``SUBJECT VERB a warning (to X) that CONTENT``.

        The speaker is the sentence's first person or body named, or its
        pronoun, before the noun.
        """
        tokens = self.tokens
        that = at + 1
        while that < len(tokens) and that - at <= _MAX_PHRASE:
            if tokens[that].lower == "that":
                break
            that += 1
        else:
            return 0
        subject = next(
            (
                mention
                for index in range(max(self.floor, at - _SUBJECT_REACH), at)
                if (
                    tokens[index].lower in PRONOUNS
                    or is_name_word(tokens[index])
                )
                and (mention := mention_starting(self.text, tokens, index, at))
                is not None
                and mention.form in ("name", "pronoun")
            ),
            None,
        )
        start = that + 1
        last = self._content_end(start)
        content = tokens[start : last + 1]
        if subject is None or not content or not _finite(content):
            return 0
        attribution = self._attribute(subject, at, at, subject.role)
        self._add(start, last, _content_kind(content), attribution, start)
        self.floor = last + 1
        return last

    # -- a quotation after a colon: "Ann Lee was blunt: “...”" -----------

    def _colon(self) -> None:
        """
        Read a quotation after a colon, said by the sentence's subject.

        "Ann Lee was blunt: “We are done.”" The subject is a name or a
        pronoun at the sentence's start; the colon is the cue.
        """
        tokens = self.tokens
        if self.found or not tokens or tokens[0].kind != "w":
            return
        colon = next(
            (
                at
                for at in range(1, len(tokens) - 1)
                if tokens[at].text == ":" and tokens[at + 1].kind == "q"
            ),
            0,
        )
        subject = (
            mention_starting(self.text, tokens, 0, colon) if colon else None
        )
        if subject is None or subject.form not in ("name", "pronoun"):
            return
        attribution = self._attribute(subject, colon, colon, subject.role)
        self._add(colon + 1, colon + 1, "direct", attribution, colon + 1)

    # -- unattributed statements ------------------------------------------

    def _anonymous(self) -> None:
        """
        Read ``it emerged that ...`` and its kin, with no speaker.
        """
        tokens = self.tokens
        if self.found:
            return
        for at in range(len(tokens) - 2):
            verb = at + 1 + int(tokens[at + 1].lower in _PASSIVE)
            if (
                tokens[at].lower == "it"
                and verb + 1 < len(tokens)
                and tokens[verb].lower in _ANONYMOUS_VERBS
                and tokens[verb + 1].lower == "that"
            ):
                start = verb + 2
                last = self._content_end(start)
                if last - start + 1 >= _MIN_INDIRECT_WORDS:
                    self._add_anonymous(at, verb, start, last)
                return
        self._reportedly()

    def _reportedly(self) -> None:
        """
        Keep a sentence that says "reportedly" and names no one.

        It is a statement with no speaker: "The deal was reportedly close."
        """
        tokens = self.tokens
        cue = next(
            (at for at, t in enumerate(tokens) if t.lower == "reportedly"), -1
        )
        last = len(tokens) - 1
        while last > 0 and tokens[last].kind == "p":
            last -= 1
        if cue >= 0 and last >= _MIN_INDIRECT_WORDS:
            self._add_anonymous(cue, cue, 0, last)

    def _add_anonymous(
        self, first: int, verb: int, start: int, last: int
    ) -> None:
        """
        Keep an unattributed statement, with an anonymous speaker.
        """
        tokens = self.tokens
        self.found.append(
            Found(
                tokens[start].start,
                tokens[last].end,
                _content_kind(tokens[start : last + 1]),
                "",
                None,
                None,
                "anonymous",
                None,
                None,
                self.text[tokens[first].start : tokens[verb].end],
                tokens[first].start,
                tokens[verb].end,
                None,
                0.4,
            )
        )

    # -- building statements ----------------------------------------------

    def _attribute(
        self, mention: Mention, cue_first: int, cue_last: int, role: str | None
    ) -> _Attribution:
        """
        Keep *mention* with its cue; it is resolved when a statement uses it.
        """
        return _Attribution(mention, None, cue_first, cue_last, role)

    def _add(
        self,
        first: int,
        last: int,
        kind: str,
        attribution: _Attribution,
        adjuncts: int,
    ) -> None:
        """
        Keep the statement ``tokens[first:last+1]``.
        """
        tokens = self.tokens
        while first < last and tokens[first].kind == "p":
            first += 1
        start, end = tokens[first].start, tokens[last].end
        if kind == "direct":
            start, end = _quote_span(tokens[first : last + 1])
        mention = attribution.mention
        resolved = attribution.resolved or self.reader.resolver.resolve(
            attrs.evolve(mention, role=attribution.role)
        )
        attribution.resolved = resolved
        self.subject = self.subject or attribution
        cue_first, cue_last = attribution.cue_first, attribution.cue_last
        cue_last = _cue_extent(tokens, cue_first, cue_last)
        when = _when(self.text, tokens, attribution, adjuncts, first)
        self.found.append(
            Found(
                start,
                end,
                kind,
                resolved.name,
                mention.start,
                mention.end,
                resolved.kind,
                resolved.role,
                resolved.key,
                self.text[tokens[cue_first].start : tokens[cue_last].end],
                tokens[cue_first].start,
                tokens[cue_last].end,
                when,
                _confidence(kind, mention, resolved, tokens[cue_first]),
            )
        )


def _relative_in(tokens: Sequence[Token]) -> bool:
    """
    Whether a relative clause ("who works nights") is among *tokens*.
    """
    return any(t.lower in _RELATIVES for t in tokens)


def _role_text(text: str, inner: Sequence[Token]) -> str | None:
    """
    The role an appositive gives, up to any relative clause in it.
    """
    words: list[Token] = []
    for at, token in enumerate(inner):
        if token.lower in _RELATIVES:
            break
        if (
            token.text == ","
            and at + 1 < len(inner)
            and (inner[at + 1].lower in _RELATIVES)
        ):
            break
        words.append(token)
    return text[words[0].start : words[-1].end] if words else None


def _next_cue(tokens: Sequence[Token], at: int) -> int:
    """
    The index of the cue within a speaker's few words from *at*, or -1.
    """
    for index in range(at + 1, min(at + _SPEAKER_WORDS, len(tokens))):
        token = tokens[index]
        if token.kind != "w":
            return -1
        if not token.capital and base_of(token.text) is not None:
            return index
    return -1


def _clause_starts(tokens: Sequence[Token], cue: int) -> list[int]:
    """
    Where the sentence's subject may start, before *cue*.

    That is its first word past any date words, and the first word after
    its first comma ("In 2019, the union ...").
    """
    first = 0
    while first < cue and (
        tokens[first].kind != "w"
        or tokens[first].lower in TIME_WORDS | _DATE_LEAD
    ):
        first += 1
    reach = min(cue, first + _SUBJECT_REACH)
    comma = next(
        (at for at in range(first, reach) if tokens[at].text == ","), cue
    )
    return [at for at in (first, comma + 1) if at < cue]


def _according_mention(
    text: str, tokens: Sequence[Token], first: int, stop: int
) -> Mention:
    """
    The source after ``according to``: its last name, or the phrase.
    """
    for at in range(stop - 1, first - 1, -1):
        if is_name_word(tokens[at]):
            mention = mention_ending(text, tokens, at, first)
            if mention is not None:
                return mention
    span = tokens[first:stop]
    words = text[span[0].start : span[-1].end]
    mention = mention_ending(text, tokens, stop - 1, first)
    kind = mention.kind if mention is not None else "organization"
    return Mention(
        first,
        stop - 1,
        span[0].start,
        span[-1].end,
        words,
        words,
        "noun",
        kind,
    )


def _skip_back(tokens: Sequence[Token], at: int, floor: int) -> int:
    """
    Step back from *at* over adverbs and auxiliaries before a cue.
    """
    while (
        at >= floor
        and tokens[at].kind == "w"
        and (
            tokens[at].lower in SKIPPED_BEFORE_CUE
            or (tokens[at].lower.endswith("ly") and not tokens[at].capital)
        )
    ):
        at -= 1
    if at - 2 >= floor and [t.lower for t in tokens[at - 2 : at + 1]] in (
        _QUOTED_AS
    ):
        at -= 3
    return _skip_date_back(tokens, at, floor)


def _skip_date_back(tokens: Sequence[Token], at: int, floor: int) -> int:
    """
    Step back over date words between a speaker and a cue: "on Monday".
    """
    if at >= floor and tokens[at].lower in TIME_WORDS:
        at -= 1
        if at >= floor and tokens[at].lower in _DATE_LEAD:
            at -= 1
    return at


def _asked(tokens: Sequence[Token]) -> bool:
    """
    Whether *tokens* frame a question rather than report speech.

    "Asked what he would do, he said: ..." or "When asked about it, ...".
    """
    words = [t.lower for t in tokens[:2]]
    return words[:1] == ["asked"] or words == ["when", "asked"]


def _called(tokens: Sequence[Token], at: int) -> int:
    """
    Where what a thing is called starts, after "called" at *at* - 1.

    After a pronoun ("called it **a mistake**"), or before a quotation
    that follows a short object ("called the allegation **“false”**").
    Returns -1 when there is no such place.
    """
    if at < len(tokens) and tokens[at].lower in _NAMED:
        return at + 1
    for index in range(at + 1, min(at + _CALLED_OBJECT, len(tokens))):
        if tokens[index].kind == "q":
            return index
        if tokens[index].kind != "w":
            break
    return -1


def _that(tokens: Sequence[Token], at: int) -> bool:
    """
    Whether the token at *at* is "that" opening a clause, not its subject.

    In "said that is wrong", "that" is the subject and stays.
    """
    return (
        at + 1 < len(tokens)
        and tokens[at].lower == "that"
        and tokens[at + 1].lower not in FINITE_VERBS
    )


def _infinitive(tokens: Sequence[Token], at: int) -> int:
    """
    Where "to" and its verb start after "urged" and its object.

    The object is a few words with no punctuation ("urged all Canadians
    travelling abroad **to** ..."); "not" or "never" may stand before
    "to". Returns the first token after "to", or the text's end.
    """
    for index in range(at, min(at + _MAX_PHRASE + 2, len(tokens))):
        token = tokens[index]
        if token.kind != "w":
            break
        if token.lower == "to" and index + 1 < len(tokens):
            return index + 1
    return len(tokens)


def _skip_object(tokens: Sequence[Token], at: int) -> int:
    """
    Step over the object of ``told``: "reporters", "the Globe", "CBC News".

    The object is a pronoun, a name, or one word after a determiner.
    """
    if at >= len(tokens) or tokens[at].kind != "w":
        return at
    if tokens[at].lower in _OBJECTS:
        return at + 1
    first = at + int(tokens[at].lower in DETERMINERS)
    stop = first
    while (
        stop < len(tokens)
        and stop - at < _MAX_PHRASE
        and is_name_word(tokens[stop])
    ):
        stop += 1
    return max(stop, min(first + 1, len(tokens)))


def _skip_adjuncts(tokens: Sequence[Token], at: int) -> int:
    """
    Step over the adjuncts after a cue.

    Step over date words and a short phrase after a cue ("on Monday", "in
    a statement", "on Twitter") up to where the content starts.
    """
    start = -1
    while start < at < len(tokens):
        start = at
        word = tokens[at].lower
        if word in TIME_WORDS:
            at += 1
        elif (
            word in _DATE_LEAD
            and at + 1 < len(tokens)
            and tokens[at + 1].lower in TIME_WORDS
        ):
            at += 2
        elif word in _ADJUNCT_PREPOSITIONS:
            at = _skip_phrase(tokens, at + 1)
    return at


def _skip_phrase(tokens: Sequence[Token], at: int) -> int:
    """
    Step over the noun phrase of a prepositional adjunct.

    The phrase ends before a determiner, a pronoun, "that", punctuation or
    another preposition's phrase, or after a name ("in Nova Scotia
    ambulances are ..."). Returns where the content starts, or the
    preposition's index when the phrase does not end cleanly.
    """
    start = at
    if at < len(tokens) and tokens[at].lower in DETERMINERS:
        at += 1
    words = at
    while at < len(tokens) and at - start < _MAX_PHRASE:
        token = tokens[at]
        if token.kind != "w" or token.lower in _PHRASE_STOPS:
            break
        if at > words and not token.capital and _named(tokens[words:at]):
            break
        at += 1
    following = tokens[at] if at < len(tokens) else None
    if following is None or following.kind != "w":
        return at
    if following.lower in DETERMINERS | PRONOUNS | {"that"} or (
        _named(tokens[words:at]) and not following.capital
    ):
        return at
    if following.lower in PREPOSITIONS:
        return _skip_phrase(tokens, at + 1)
    return start - 1


def _named(tokens: Sequence[Token]) -> bool:
    """
    Whether *tokens* are a name: one capitalised word or more.
    """
    return bool(tokens) and all(is_name_word(t) for t in tokens)


def _ends_clause(tokens: Sequence[Token], at: int) -> bool:
    """
    Whether the clause ends at token *at*: the sentence's end or a stop.
    """
    return at >= len(tokens) or tokens[at].kind == "p"


def _content_kind(tokens: Sequence[Token]) -> str:
    """
    Direct, mixed or indirect, from the quotations a content holds.
    """
    words = [t for t in tokens if t.kind != "p"]
    quotes = [t for t in words if t.kind == "q"]
    if not quotes:
        return "indirect"
    if len(words) == 1:
        return "direct"
    return "mixed"


def _clause_like(tokens: Sequence[Token]) -> bool:
    """
    Whether *tokens* read as a clause.

    They do when a subject pronoun comes first, or a verb among the first few
    words ("the plan was", "he and his team agreed").
    """
    first = tokens[0].lower
    if first in PREPOSITIONS:
        return False
    if first in SUBJECT_PRONOUNS or first.split("\u2019")[0].split("'")[0] in (
        SUBJECT_PRONOUNS
    ):
        return True
    for at in range(1, min(len(tokens), _CLAUSE_VERB_WITHIN)):
        token = tokens[at]
        if token.text in _DASHES or token.lower in _NOT_SUBJECTS:
            return False
        if token.kind != "w" or token.capital:
            continue
        word = token.lower
        if word in FINITE_VERBS or (
            word.endswith("ed") and len(word) > _SHORTEST_PAST
        ):
            return True
        if _present_verb(tokens, at):
            return True
    return False


def _opens_content(tokens: Sequence[Token]) -> bool:
    """
    Whether *tokens* open as reported speech after a verb that is a noun too.

    They do with a subject, a quotation, or what follows "that".
    """
    first = tokens[0]
    return (
        first.kind == "q"
        or first.lower in SUBJECT_PRONOUNS | DETERMINERS
        or is_name_word(first)
    )


def _finite(tokens: Sequence[Token]) -> bool:
    """
    Whether *tokens* hold a finite verb: a clause goes on in them.
    """
    return _clause_like(tokens) or any(t.lower in FINITE_VERBS for t in tokens)


def _present_verb(tokens: Sequence[Token], at: int) -> bool:
    """
    Whether the word at *at* may be a verb in the present.

    That is an ``-s`` word after a subject and before any preposition, as
    "lobbies" in "the board lobbies".
    """
    word = tokens[at].lower
    if not word.endswith("s") or word.endswith(_NOT_VERB_ENDINGS):
        return False
    before = tokens[at - 1]
    if before.lower.endswith("ly") and at > 1:
        before = tokens[at - 2]
    if not before.text.isalpha() or before.lower in DETERMINERS | PREPOSITIONS:
        return False
    return not any(t.lower in PREPOSITIONS for t in tokens[:at])


def _quote_span(tokens: Sequence[Token]) -> tuple[int, int]:
    """
    The span of the quotation among *tokens*.
    """
    quote = next(t for t in tokens if t.kind == "q")
    return quote.start, quote.end


def _cue_extent(tokens: Sequence[Token], first: int, last: int) -> int:
    """
    The cue's last token: "told reporters", "posted on X".
    """
    base = base_of(tokens[first].text)
    after = tokens[last + 1 : last + 3]
    if base == "tell":
        return _skip_object(tokens, last + 1) - 1
    if (
        base in _PLATFORM_VERBS
        and len(after) == _PLATFORM_PHRASE
        and after[0].lower == "on"
        and after[1].capital
        and after[1].lower not in TIME_WORDS
    ):
        return last + 2
    return last


def _when(
    text: str,
    tokens: Sequence[Token],
    attribution: _Attribution,
    adjuncts: int,
    content: int,
) -> str | None:
    """
    The date words of the attribution clause, or None.
    """
    cue = attribution.cue_first
    low = max(min(attribution.mention.first, cue), cue - _WHEN_REACH)
    high = adjuncts if adjuncts > cue else len(tokens)
    if content > cue:
        high = min(high, content)
    for at in range(max(low, 0), min(high, len(tokens), cue + _WHEN_REACH)):
        if tokens[at].lower in TIME_WORDS and not _is_may(tokens, at):
            first = at
            if at > 0 and tokens[at - 1].lower in _DATE_LEAD:
                first = at - 1
            last = at
            if at + 1 < len(tokens) and tokens[at + 1].lower in TIME_WORDS:
                last = at + 1
            return text[tokens[first].start : tokens[last].end]
    return None


def _is_may(tokens: Sequence[Token], at: int) -> bool:
    """
    Whether *at* is the verb "may" rather than the month.
    """
    return tokens[at].text == "may"


def _confidence(
    kind: str, mention: Mention, resolved: Resolved, cue: Token
) -> float:
    """
    How clear the attribution is, from 0 (none) to 1.
    """
    score = {"direct": 0.9, "mixed": 0.8}.get(kind, 0.7)
    if mention.form == "pronoun" or not resolved.exact:
        score *= 0.9
    if base_of(cue.text) not in SAY_VERBS:
        score *= 0.9
    return round(score, 2)


def find_drafts(
    text: str,
    known: Sequence[tuple[str, tuple[str, ...], str | None, str]],
) -> list[Found]:
    """
    Every statement in *text*, in text order.
    """
    return _Reader(text, Resolver(known)).read()
