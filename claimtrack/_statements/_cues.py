"""
The reporting-verb lexicon: the words that tell who said something.

Each verb is given by its base form; its other forms (``says``,
``said``, ``saying``) are made by the rules of English spelling, with the
irregular ones listed. Some verbs are also common nouns ("a claim", "the
notes", "the report"): their base and ``-s`` forms count as cues only
right after a speaker, never after a determiner.
"""

from claimtrack._statements._words import words


_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "think": ("thinks", "thought", "thinking"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "showing", "shown"),
    "swear": ("swears", "swore", "swearing", "sworn"),
    "post": ("posts", "posted", "posting"),
    "admit": ("admits", "admitted", "admitting"),
    "quip": ("quips", "quipped", "quipping"),
    "retort": ("retorts", "retorted", "retorting"),
    "blurt": ("blurts", "blurted", "blurting"),
    "scold": ("scolds", "scolded", "scolding"),
}
"""Verbs whose forms the spelling rules would get wrong."""

_VERBS = (
    "say tell write add insist deny confirm warn announce argue explain "
    "stress emphasize emphasise suggest admit allege acknowledge assert "
    "contend maintain reply respond recall observe remark conclude "
    "complain concede caution declare predict promise pledge vow urge ask "
    "tweet post quip joke testify reveal disclose reiterate recount "
    "retort exclaim shout boast lament muse wonder scold sniff crow "
    "confide confess counter blurt advise assure remind inform indicate "
    "speculate mention agree estimate swear hint insinuate chant "
    "underline underscore affirm claim note state report believe think "
    "find show"
)
STRONG = tuple(sorted(words(_VERBS)))
"""Every reporting verb, by its base form."""

AMBIGUOUS = words(
    "claim note state report estimate promise pledge vow counter remark "
    "reply respond post tweet quip joke shout chant sniff crow muse boast "
    "lament caution find show think believe wonder warn"
)
"""Verbs that are also nouns, or that need a speaker right before them."""

OPINION = frozenset(["believe", "think", "find", "show"])
"""Verbs of opinion or finding: cues only with a clause after them."""


def _forms(verb: str) -> tuple[str, ...]:
    """
    The inflected forms of *verb*: third person, past and participle.
    """
    if verb in _IRREGULAR:
        return (verb, *_IRREGULAR[verb])
    if verb.endswith("e"):
        return (verb, verb + "s", verb + "d", verb[:-1] + "ing")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return (verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return (verb, verb + "es", verb + "ed", verb + "ing")
    return (verb, verb + "s", verb + "ed", verb + "ing")


def _lexicon() -> dict[str, str]:
    """
    Map every form of every reporting verb to its base form.
    """
    forms: dict[str, str] = {}
    for verb in STRONG:
        for form in _forms(verb):
            forms.setdefault(form, verb)
    return forms


CUES = _lexicon()
"""Every form of every reporting verb, mapped to its base form."""


def base_of(word: str) -> str | None:
    """
    The base form of the reporting verb *word*, or None.
    """
    return CUES.get(word.lower())


def is_participle(word: str) -> bool:
    """
    Whether *word* is the ``-ing`` form of a reporting verb.
    """
    return word.lower().endswith("ing") and word.lower() in CUES


def is_noun_form(word: str) -> bool:
    """
    Whether *word* could be a noun.

    It is the base or ``-s`` form of an ambiguous verb, so it counts as a cue
    only right after a speaker.
    """
    base = CUES.get(word.lower())
    if base is None or base not in AMBIGUOUS:
        return False
    return not word.lower().endswith(("ed", "ing")) or base in OPINION


SAY_VERBS = frozenset(("say", "tell", "write", "add"))
"""The plainest cues, which attribute even without a clause after them."""

TIME_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday yesterday "
    "today tonight earlier later recently previously week month year "
    "morning afternoon evening night weekend january february march april "
    "may june july august september october november december"
)
"""Words that make a phrase next to a cue its date words."""

NOUN_CUES = words(
    "warning promise pledge assurance vow threat announcement claim "
    "insistence admission"
)
"""Nouns that report speech when a clause follows: "a warning that ..."."""
