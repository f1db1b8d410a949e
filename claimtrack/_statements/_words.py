"""
Word lists: pronouns, titles, honorifics and the nouns that speak.

They hold the common words of English news writing, never names.
"""


def words(text: str) -> frozenset[str]:
    """
    The set of the whitespace-separated words of *text*.
    """
    return frozenset(text.split())


PERSON_PRONOUNS = words("he she i")
GROUP_PRONOUNS = words("they we")
THING_PRONOUNS = words("it")
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS

HONORIFICS = words("mr mr. mrs mrs. ms ms. miss dr dr. prof. sir dame mx")
"""Words before a name that say nothing of its role."""

TITLES = words(
    "president vice-president secretary minister premier mayor senator sen. "
    "rep. representative congressman congresswoman gov. governor justice "
    "judge chief commissioner director chair chairman chairwoman "
    "chairperson ceo cfo spokesperson spokesman spokeswoman officer "
    "constable const. sergeant sgt. inspector insp. superintendent supt. "
    "det. detective cpl. corporal coach captain capt. ambassador attorney "
    "general gen. leader manager editor founder sheriff pope king queen "
    "prince princess chancellor lt. lieutenant col. colonel maj. major "
    "councillor councilor coun. trustee mp mpp mla professor prof dean "
    "lawyer counsel economist analyst researcher author columnist "
    "commander admiral marshal warden ombudsman auditor registrar "
    "prosecutor crown critic head president-elect rabbi imam bishop "
    "cardinal reverend rev. pastor father sister brother deputy "
    "chief-executive owner partner principal superintendent"
)
"""Words of rank or office: a role, before a name or alone."""

ORGANIZATION_WORDS = words(
    "ministry department agency company government police office court "
    "council commission committee association union university college "
    "school board party service services group corporation corp. corp "
    "inc. inc ltd. ltd bank institute foundation network society authority "
    "army force forces centre center hospital clinic station newspaper "
    "paper magazine federation coalition alliance organization "
    "organisation administration cabinet parliament senate house congress "
    "tribunal commissioner's club league team firm network prison city "
    "province state county region municipality district bureau campaign "
    "movement charity fund trust council unit branch secretariat "
    "study report survey poll statement release document documents letter "
    "data figures numbers analysis review filing lawsuit ruling decision "
    "judgment records research website memo studies reports findings "
    "tweet tweets post posts message notice order video sign placard blog "
    "organizations organisations agencies companies unions associations "
    "governments ministries departments groups parties"
)
"""Nouns of bodies and documents that speak: "the ministry said"."""

GROUP_WORDS = words(
    "officials police experts critics residents protesters analysts "
    "authorities investigators researchers lawyers prosecutors advocates "
    "organizers organisers leaders members parents students doctors "
    "scientists economists observers opponents supporters witnesses "
    "neighbours neighbors employees workers politicians people others "
    "officers staff spokespeople representatives activists voters "
    "families victims teachers nurses farmers owners users customers "
    "citizens americans canadians participants scholars historians "
    "insiders diplomats ministers lawmakers legislators republicans "
    "democrats liberals conservatives executives managers planners "
    "engineers academics authors organizers councillors mps senators "
    "both many some several most few all"
)
"""Plural nouns of people that speak together: "officials said"."""

ANONYMOUS_WORDS = words("sources source insiders reportedly")
"""Words that attribute to no one in particular."""

PERSON_NOUNS = words(
    "man woman boy girl mother father son daughter wife husband friend "
    "resident student teacher doctor nurse official spokesperson "
    "spokesman spokeswoman lawyer expert witness neighbour neighbor owner "
    "worker employee member organizer organiser activist advocate source "
    "victim survivor patient parent chief person driver officer "
    "researcher scientist professor economist analyst director manager "
    "minister judge president secretary senator mayor premier leader "
    "candidate author writer founder coordinator partner colleague "
    "investigator attorney prosecutor critic historian chair executive "
    "representative resident fan player coach athlete artist singer actor "
    "actress musician veteran farmer citizen voter customer user mom dad "
    "aunt uncle grandmother grandfather sister brother child teen teenager "
    "commissioner officer sergeant constable detective inspector agent "
    "guard councillor councilor trustee host co-founder ceo editor "
    "columnist reporter journalist"
)
"""Singular nouns of people: "a spokesperson said", "the judge wrote"."""

DETERMINERS = words(
    "the a an this that these those his her their its our my your some "
    "many several two three four five one other another each every both "
    "no any most few all"
)

CAPITAL_STOP = words(
    "the a an but and or when while after before in on at for if as this "
    "that these those it he she they we i his her their its our my your "
    "still so yet then however meanwhile also though although because "
    "since until unless once there here what who whom which where why how "
    "not no yes now today yesterday tomorrow last next first instead even "
    "just only some many most more other another each every all both "
    "according asked speaking writing said says told by from with of to "
    "into during under over about against between through without within "
    "like unlike among across despite following given including "
    "monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november "
    "december story photo related read watch advertisement "
    "mr mrs ms dr of"
)
"""Capitalised words that are not names, at a sentence's start or alone."""

NAME_PARTICLES = words("de da del della di du van von der den la le bin al")
"""Lower-case words that may stand inside a name."""

PREPOSITIONS = words(
    "of for from at with in by on about into over to under after before "
    "during without against among between through"
)
"""Words that join a noun phrase to its complement: "head of X"."""

SKIPPED_BEFORE_CUE = words(
    "also has have had later previously then recently repeatedly once "
    "further again would will could may might did does do has long "
    "earlier publicly flatly simply just first herself himself themselves "
    "itself only often always never already still has since subsequently "
    "separately privately openly immediately quickly finally initially "
    "even clearly bluntly candidly angrily quietly tearfully proudly "
    "happily emphatically firmly strongly loudly frequently has been "
    "reportedly allegedly apparently"
)
"""Auxiliaries and adverbs that may stand between a speaker and a cue."""

CLAUSE_STARTS = words(
    "and but or while when as because although though since after before "
    "if where so yet whereas until unless once"
)
"""Conjunctions that start a clause, so end a speaker search."""

SUBJECT_PRONOUNS = words("he she they it we i you there this")
"""Pronouns that start a clause as its subject."""

FINITE_VERBS = words(
    "is are was were am be been has have had will would could can should "
    "may might must shall does did do isn't aren't wasn't weren't hasn't "
    "haven't hadn't won't wouldn't couldn't can't shouldn't doesn't didn't "
    "don't isn\u2019t aren\u2019t wasn\u2019t weren\u2019t hasn\u2019t "
    "haven\u2019t hadn\u2019t won\u2019t wouldn\u2019t couldn\u2019t "
    "can\u2019t shouldn\u2019t doesn\u2019t didn\u2019t don\u2019t went "
    "made took gave came saw knew thought found got left felt kept held "
    "brought began ran won lost paid met sent built spent stood heard meant "
    "set put cut hit let led fell grew drew showed told said became sold "
    "bought caught taught fought chose broke spoke wrote rose drove needs "
    "wants wants means seems remains helps works makes takes gives comes "
    "goes knows thinks feels looks plans hopes expects believes says tells "
    "shows"
)
"""Finite verbs that mark a clause: auxiliaries, modals, irregular pasts."""

SPEAKING_NOUNS = GROUP_WORDS | ORGANIZATION_WORDS | PERSON_NOUNS | TITLES
"""Every noun that may head a speaker's mention."""
