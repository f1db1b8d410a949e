"""
Tests for reading claimants in the publishers' languages.

Placeholders ("Varias fuentes", "Facebook-Nutzer", "網傳") are unnamed
groups, never people; accounts keep their platform; lists are several
claimants. The corpus tests read ``../shared/corpora`` and skip when it is
absent.
"""

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.formats import averitec, claimreview, claimskg, liar
from claimtrack.formats._claimants import (
    Named,
    clean_name,
    is_placeholder,
    read_claimant,
    read_claimants,
    url_name,
)
from claimtrack.formats._reviews import (
    UNKNOWN_CLAIMANT,
    actor_of,
    claimant_name,
    claimants,
    speaker_key,
    text_field,
    url_field,
)


ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"

PLACEHOLDERS = {
    "en": [
        "Various sources",
        "Multiple sources",
        "social media users",
        "Viral social media post",
        "Posts on Facebook and Twitter",
        "Unknown Twitter accounts",
        "Several WhatsApp messages",
        "Internet users",
    ],
    "es": [
        "Varias fuentes",
        "Usuarios de redes sociales",
        "Publicaciones virales en Facebook",
        "Cadena de WhatsApp",
        "Múltiples cuentas de TikTok",
    ],
    "pt": [
        "Várias fontes",
        "Boatos de redes sociais",
        "Publicações no Instagram",
        "Usuários do Facebook e do Twitter",
    ],
    "fr": [
        "Sources multiples",
        "Réseaux sociaux",
        "Publications virales sur Facebook",
        "Internautes",
        "Plusieurs comptes Twitter",
    ],
    "de": [
        "Facebook-Nutzer",
        "Nutzer in sozialen Medien",
        "Mehrere Beiträge auf Telegram",
        "Verschiedene Quellen",
    ],
    "it": ["Utenti sui social", "Post virali su Facebook", "Varie fonti"],
    "ca": ["Usuaris de xarxes socials", "Diverses fonts"],
    "ro": [
        "Utilizatori de pe rețelele sociale",
        "Postări virale pe Facebook",
        "Surse multiple",
    ],
    "hi": [
        "सोशल मीडिया यूजर्स",
        "सोशल मीडिया पोस्ट",
        "वायरल पोस्ट",
        "फेसबुक यूज़र्स",
        "कई सोशल मीडिया यूजर",
    ],
    "ar": [
        "مستخدمو مواقع التواصل الاجتماعي",
        "صفحات على فيسبوك",
        "حسابات على تويتر وفيسبوك",
        "منشورات متداولة",
        "رواد مواقع التواصل",
    ],
    "zh": ["網傳", "网络传言", "社群平台", "臉書用戶", "多個臉書粉專", "网友"],
}
ALL_PLACEHOLDERS = [p for phrases in PLACEHOLDERS.values() for p in phrases]


class TestPlaceholders:
    """
    Words that name nobody in particular are an unnamed group.
    """

    @pytest.mark.parametrize("words", ALL_PLACEHOLDERS)
    def test_placeholder_is_an_unnamed_group(self, words):
        """
        One group, no name, its role the words as written.
        """
        (actor,) = claimants(words)

        assert (None, ct.ActorKind.GROUP, words) == (
            actor.name,
            actor.kind,
            actor.role,
        )
        assert claimant_name(words) is None
        assert is_placeholder(words)

    @pytest.mark.parametrize(
        ("words", "platforms"),
        [
            ("Facebook-Nutzer", ("Facebook",)),
            ("Posts on Facebook and Twitter", ("Facebook", "X/Twitter")),
            ("صفحات على فيسبوك", ("Facebook",)),
            ("حسابات على تويتر وفيسبوك", ("X/Twitter", "Facebook")),
            ("臉書用戶", ("Facebook",)),
            ("Tweets", ("X/Twitter",)),
            ("X posts", ("X/Twitter",)),
            ("LINE 訊息", ("LINE",)),
            ("Cadena de WhatsApp", ("WhatsApp",)),
            ("वायरल पोस्ट", ()),
        ],
    )
    def test_platforms_are_kept(self, words, platforms):
        """
        The platforms a placeholder names are the group's aliases.
        """
        (actor,) = claimants(words)

        assert platforms == actor.aliases

    @pytest.mark.parametrize(
        "name",
        [
            "Jane Doe",
            "Viral Shah",
            "Malcolm X",
            "Grupo Clarín",
            "Hal Turner Radio Show",
            "New York Post",
            "Channel 4",
            "中华人民共和国外交部",
            "Rohan नाशिककर",
            "X",
            "Line",
        ],
    )
    def test_names_are_not_placeholders(self, name):
        """
        A name with a word outside the grammar names its claimant.
        """
        (actor,) = claimants(name)

        assert (name, ct.ActorKind.PERSON) == (actor.name, actor.kind)
        assert not is_placeholder(name)

    def test_nothing_to_name(self):
        """
        Blank words and marks alone name nobody.
        """
        assert () == claimants("  ") == claimants('""') == claimants("@@")
        assert read_claimant("\u200f") is None
        assert actor_of(Named("@@", "@@")) is None

    @pytest.mark.parametrize("words", ["Twitter @", "Facebook user @@"])
    def test_no_handle_is_a_placeholder(self, words):
        """
        A platform and marks that are no handle name nobody.
        """
        (actor,) = claimants(words)

        assert (None, words) == (actor.name, actor.role)

    def test_quotes_and_marks(self):
        """
        Quotes around a name and invisible marks at its ends are dropped.
        """
        assert "Phạm Hạnh" == clean_name("\u200f'Phạm Hạnh'")
        assert "Rohan" == clean_name('" Rohan "')


class TestAccounts:
    """
    An account on a platform is named, its platform kept.
    """

    @pytest.mark.parametrize(
        ("words", "name", "role", "kind"),
        [
            ("Facebook user Jane Doe", "Jane Doe", "Facebook user", "person"),
            ("FB User-Name", "Name", "Facebook user", "person"),
            (
                "Fb User: Mechelle Reba",
                "Mechelle Reba",
                "Facebook user",
                "person",
            ),
            ("Twitter user @x", "@x", "X/Twitter user", "person"),
            ("X user @x", "@x", "X/Twitter user", "person"),
            ("Twitter @jack", "@jack", "X/Twitter user", "person"),
            (
                "usuario de Facebook Juan Pérez",
                "Juan Pérez",
                "Facebook user",
                "person",
            ),
            (
                "utilisateur Facebook Jean Dupont",
                "Jean Dupont",
                "Facebook user",
                "person",
            ),
            ("फेसबुक यूजर शानू खान", "शानू खान", "Facebook user", "person"),
            ("臉書用戶王小明", "王小明", "Facebook user", "person"),
            (
                "YouTube channel Jane TV",
                "Jane TV",
                "YouTube page",
                "organization",
            ),
            (
                "Facebook page Priyanka Fan Club",
                "Priyanka Fan Club",
                "Facebook page",
                "organization",
            ),
        ],
    )
    def test_account(self, words, name, role, kind):
        """
        The account's name, its platform in its role.
        """
        (actor,) = claimants(words)

        assert (name, role, ct.ActorKind(kind)) == (
            actor.name,
            actor.role,
            actor.kind,
        )
        assert name == claimant_name(words)

    @pytest.mark.parametrize(
        ("words", "name", "role"),
        [
            (
                "FB user: https://www.facebook.com/penny.wiens.9",
                "facebook.com/penny.wiens.9",
                "Facebook user",
            ),
            ("https://twitter.com/jack", "twitter.com/jack", "X/Twitter user"),
            ("https://t.me/somechannel", "t.me/somechannel", "Telegram user"),
            ("https://example.org/jane", "example.org/jane", None),
        ],
    )
    def test_account_by_url(self, words, name, role):
        """
        An account named by its URL: its host and path, the URL an alias.
        """
        (actor,) = claimants(words)
        url = words.split()[-1]

        assert (name, role, (url,)) == (actor.name, actor.role, actor.aliases)
        assert name == url_name(url)

    @pytest.mark.parametrize(
        ("words", "names", "urls"),
        [
            (
                "Jane Doe https://example.org/jd",
                ["Jane Doe"],
                ["https://example.org/jd"],
            ),
            (
                "Facebook user Jane Doe https://facebook.com/jd",
                ["Jane Doe"],
                ["https://facebook.com/jd"],
            ),
            ("Multiple sources https://x.example/p", [None], [None]),
            (
                "https://a.example/x and https://b.example/y",
                ["a.example/x", "b.example/y"],
                ["https://a.example/x", "https://b.example/y"],
            ),
        ],
    )
    def test_name_with_url(self, words, names, urls):
        """
        A name given with a URL keeps the URL; a placeholder stays one.
        """
        found = read_claimants(words)

        assert (names, urls) == (
            [n.name for n in found],
            [n.url for n in found],
        )

    def test_the_given_role_counts(self):
        """
        A role the input gives (a Person's jobTitle) is kept over the
        platform's.
        """
        (actor,) = claimants("Facebook user Jane Doe", role="mayor")

        assert "mayor" == actor.role


class TestLists:
    """
    A list of claimants is each of them.
    """

    @pytest.mark.parametrize(
        ("words", "names"),
        [
            ("A, B and social media users", ["A", "B", None]),
            ("A y B", ["A", "B"]),
            ("A e B", ["A", "B"]),
            ("A et B", ["A", "B"]),
            ("A und B", ["A", "B"]),
            ("A i B", ["A", "B"]),
            ("A și B", ["A", "B"]),
            ("Lula, Bolsonaro, and Ciro", ["Lula", "Bolsonaro", "Ciro"]),
            ("नरेंद्र मोदी और अमित शाह", ["नरेंद्र मोदी", "अमित शाह"]),
            ("蔡英文、柯文哲", ["蔡英文", "柯文哲"]),
            ("蔡英文和網友", ["蔡英文", None]),
            ("Jane Doe & social media users", ["Jane Doe", None]),
            (
                "Juan Pérez, usuarios de Facebook y Twitter",
                ["Juan Pérez", None],
            ),
            (
                "Facebook user Jane Doe and Twitter user @x",
                ["Jane Doe", "@x"],
            ),
        ],
    )
    def test_list(self, words, names):
        """
        Each claimant, in order; a placeholder among them a group.
        """
        assert names == [named.name for named in read_claimants(words)]

    @pytest.mark.parametrize(
        "words",
        [
            "Ministry of Health and Family Welfare",
            "Centers for Disease Control and Prevention",
            "Bill and Melinda Gates Foundation",
            "Clean & Green Services",
            "Johnson & Johnson",
            "蔡英文和柯文哲",
            "وزارة الصحة و السكان",
            "Dr. Jane Doe, MD",
            "juanli324 and friends",
        ],
    )
    def test_one_name(self, words):
        """
        An institution's name, a firm's, or a name with its title is one.
        """
        assert [words] == [named.name for named in read_claimants(words)]

    def test_repeated_claimant_once(self):
        """
        A claimant named twice in a list is one claimant.
        """
        assert ["Jane Doe", None] == [
            n.name
            for n in read_claimants("Jane Doe, social media users, Jane Doe")
        ]


# -- properties --------------------------------------------------------------

# Words of a made-up name: syllables no grammar word is made of.
names = st.lists(
    st.lists(
        st.sampled_from(["ka", "zu", "ri", "mo", "tse", "lu", "bo", "ne"]),
        min_size=2,
        max_size=3,
    ).map(lambda s: "".join(s).capitalize()),
    min_size=1,
    max_size=3,
).map(" ".join)

# A placeholder's parts, by language: who or what, where, how many.
GRAMMAR = {
    "en": (
        ["users", "posts", "accounts", "messages", "videos"],
        ["on", "from"],
        ["Several", "Multiple", "Viral", ""],
    ),
    "es": (
        ["usuarios", "publicaciones", "cuentas", "mensajes"],
        ["en", "de"],
        ["Varios", "Múltiples", ""],
    ),
    "pt": (
        ["usuários", "publicações", "contas", "mensagens"],
        ["no", "em", "do"],
        ["Vários", "Diversos", ""],
    ),
    "fr": (
        ["utilisateurs", "publications", "comptes", "messages"],
        ["sur", "de"],
        ["Plusieurs", "Divers", ""],
    ),
    "de": (
        ["Nutzer", "Beiträge", "Konten", "Nachrichten"],
        ["auf", "in", "von"],
        ["Mehrere", "Verschiedene", ""],
    ),
    "it": (
        ["utenti", "post", "account", "messaggi"],
        ["su", "di"],
        ["Vari", "Diversi", ""],
    ),
    "ro": (
        ["utilizatori", "postări", "conturi", "mesaje"],
        ["pe", "de", "din"],
        ["Diverse", ""],
    ),
    "hi": (
        ["यूजर्स", "पोस्ट", "अकाउंट", "वीडियो"],
        ["पर", "के"],
        ["कई", "विभिन्न", ""],
    ),
    "ar": (
        ["مستخدمو", "منشورات", "حسابات", "رسائل"],
        ["على", "في", "عبر"],
        ["عدة", ""],
    ),
}
PLATFORMS = {
    "Facebook": "Facebook",
    "Twitter": "X/Twitter",
    "WhatsApp": "WhatsApp",
    "TikTok": "TikTok",
    "Instagram": "Instagram",
    "YouTube": "YouTube",
    "Telegram": "Telegram",
    "फेसबुक": "Facebook",
    "تويتر": "X/Twitter",
    "فيسبوك": "Facebook",
    "redes sociales": None,
    "redes sociais": None,
    "réseaux sociaux": None,
    "sozialen Medien": None,
    "social media": None,
    "सोशल मीडिया": None,
    "مواقع التواصل الاجتماعي": None,
}


@st.composite
def placeholders(draw):
    """
    A placeholder made from a language's words: "[how many] who/what
    [where platform]", and the platform it names.
    """
    who, where, many = GRAMMAR[draw(st.sampled_from(sorted(GRAMMAR)))]
    words = [draw(st.sampled_from(many)), draw(st.sampled_from(who))]
    platform = None
    if draw(st.booleans()):
        place = draw(st.sampled_from(sorted(PLATFORMS)))
        words += [draw(st.sampled_from(where)), place]
        platform = PLATFORMS[place]
    return " ".join(w for w in words if w), platform


class TestProperties:
    """
    The grammar reads phrasings no list holds, and never invents people.
    """

    @given(placeholders())
    def test_composed_placeholders_are_groups(self, drawn):
        """
        Any "[how many] who/what [where platform]" is one unnamed group
        that keeps the platform.
        """
        words, platform = drawn
        (actor,) = claimants(words)

        assert (None, words) == (actor.name, actor.role)
        assert (platform is None) or platform in actor.aliases

    @given(names)
    def test_names_are_people(self, name):
        """
        A name is one person of that name.
        """
        (actor,) = claimants(name)

        assert (name, ct.ActorKind.PERSON) == (actor.name, actor.kind)

    @given(
        names, st.sampled_from(["Facebook user", "FB User:", "Twitter user"])
    )
    def test_accounts_are_their_names(self, name, prefix):
        """
        "<platform> user <name>" is <name>, a user of the platform.
        """
        (actor,) = claimants(f"{prefix} {name}")

        assert name == actor.name
        assert actor.role.endswith("user")

    @given(
        st.lists(names, min_size=2, max_size=4, unique=True), placeholders()
    )
    def test_lists_are_each_claimant(self, listed, drawn):
        """
        "A, B and <placeholder>" is each name, then the group.
        """
        words = ", ".join(listed) + " and " + drawn[0]
        found = claimants(words)

        assert [*listed, None] == [a.name for a in found]
        assert drawn[0] == found[-1].role

    @given(
        st.text(
            st.characters(
                exclude_categories=("Cs",), exclude_characters="\x00"
            ),
            max_size=40,
        )
    )
    def test_anything_reads(self, text):
        """
        Any text reads without error: groups keep words of the text, and
        no named claimant is itself a placeholder.
        """
        for named in read_claimants(text):
            if named.name is None:
                assert named.words in clean_name(text)
            else:
                assert not is_placeholder(named.name)
            actor = actor_of(named)
            assert actor is None or actor.id


# -- the corpora -------------------------------------------------------------

# Words that, alone or together, name no one person: written out here for
# the corpora, independently of the grammar.
NOBODY = {
    "multiple",
    "multiples",
    "various",
    "sources",
    "source",
    "resources",
    "people",
    "persons",
    "authors",
    "user",
    "users",
    "fb",
    "facebook",
    "whatsapp",
    "whastapp",
    "twitter",
    "posts",
    "post",
    "image",
    "tweets",
    "blog",
    "posting",
    "viral",
    "பேஸ்புக்",
    "பயனர்",
    "ட்விட்டர்",
}


def corpus(*parts):
    """
    A corpus file, or a skip when the corpora are absent.
    """
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"the shared corpora are not here ({path.name})")
    return path


def nobody(name):
    """
    Whether a name is made only of words that name no one person.
    """
    return set(name.casefold().split()) <= NOBODY


class TestCorpora:
    """
    No placeholder of the real data becomes a person.
    """

    @pytest.mark.parametrize(
        "site",
        [
            "afpfactcheck",
            "africacheck",
            "fatabyyano",
            "fullfact",
            "politifact",
            "snopes",
            "truthorfiction",
            "vishvasnews",
        ],
    )
    def test_claimskg(self, site):
        """
        Every placeholder of a ClaimsKG sample is a group, none a person.
        """
        path = corpus("claimskg", f"claimskg_output_sample_{site}.csv")
        tracker = ct.Tracker()
        claimskg.read(tracker, path)
        with path.open(encoding="utf-8", newline="") as handle:
            given = {
                clean_name(r["creativeWork_author_name"])
                for r in csv.DictReader(handle)
            }
        people = [
            a.name for a in tracker.actors() if a.kind is ct.ActorKind.PERSON
        ]
        groups = {
            a.role.casefold() for a in tracker.actors() if a.name is None
        }

        assert [] == [name for name in people if nobody(name)]
        assert {n.casefold() for n in given if n and nobody(n)} <= groups

    def test_averitec(self):
        """
        No AVeriTeC speaker that names nobody is a person.
        """
        path = corpus("datasets", "averitec_dev_subset.json")
        tracker = ct.Tracker()
        averitec.read(tracker, path)

        assert [] == [
            a.name
            for a in tracker.actors()
            if a.kind is ct.ActorKind.PERSON and nobody(a.name)
        ]

    def test_liar(self):
        """
        LIAR's speaker pages for posts are groups, kept with their slugs.
        """
        path = corpus("datasets", "liar_test_subset.tsv")
        tracker = ct.Tracker()
        liar.read(tracker, path)
        slugs = {a.id for a in tracker.actors() if nobody(a.name or "")}

        assert {"facebook-posts", "viral-image"} <= slugs
        assert {ct.ActorKind.GROUP} == {
            tracker.actor(slug).kind for slug in slugs
        }


# -- ids through a ClaimReview round trip ------------------------------------


def round_trip(tracker):
    """
    The claim ids of *tracker*'s claims exported to ClaimReview, without
    the ids written in the markup, and imported into a new tracker.
    """
    written = claimreview.to_jsonld(tracker)
    for node in written:
        for value in (node, node.get("itemReviewed") or {}):
            value.pop("@id", None)
    again = ct.Tracker()
    claimreview.read(again, json.dumps(written))
    return {claim.id for claim in again}


def claimskg_rows(*rows):
    """
    A ClaimsKG file of *rows*, each a claimant and a review URL.
    """
    out = io.StringIO()
    columns = [
        "rating_alternateName",
        "creativeWork_author_name",
        "claimReview_author_name",
        "claimReview_url",
        "claimReview_claimReviewed",
        "claimReview_datePublished",
    ]
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for number, (claimant, url) in enumerate(rows):
        writer.writerow(
            {
                "rating_alternateName": "False",
                "creativeWork_author_name": claimant,
                "claimReview_author_name": "examplecheck",
                "claimReview_url": url,
                "claimReview_claimReviewed": f"Claim {number}",
                "claimReview_datePublished": "2021-07-12",
            }
        )
    return out.getvalue()


class TestRoundTrip:
    """
    A claim's id is made of what a ClaimReview export keeps of it.
    """

    def test_claimants_from_urls(self):
        """
        PolitiFact's claimants (a person, a group) and an account named by
        its URL keep their claims' ids.
        """
        pf = "https://www.politifact.com/factchecks/2021/jul/22/{}/x/"
        tracker = ct.Tracker()
        claimskg.read(
            tracker,
            claimskg_rows(
                ("Warren Fiske", pf.format("bobby-scott")),
                ("Warren Fiske", pf.format("facebook-posts")),
                (
                    "FB user: https://www.facebook.com/jane.roe.9",
                    "https://checks.example/1",
                ),
                ("Jane Roe", "https://checks.example/2"),
            ),
        )

        assert {c.id for c in tracker} == round_trip(tracker)

    def test_averitec(self):
        """
        AVeriTeC claims keep their ids: named, with a URL or a reporting
        source alone.
        """
        records = [
            {
                "claim": "The wall is 300 miles long.",
                "label": "Refuted",
                "claim_date": "27-8-2020",
                "speaker": "Donald Trump",
                "original_claim_url": "https://x.example/status/1",
                "reporting_source": "Twitter",
            },
            {
                "claim": "Sean Connery refused an Apple commercial.",
                "label": "Not Enough Evidence",
                "claim_date": "1-10-2020",
                "speaker": "Sean Connery",
                "original_claim_url": None,
                "reporting_source": "Facebook",
            },
        ]
        tracker = ct.Tracker()
        averitec.read(tracker, json.dumps(records))

        assert {c.id for c in tracker} == round_trip(tracker)

    def test_unnamed_speakers_make_ids_as_no_claimant(self):
        """
        A claim by an unnamed group has the id of a claim with no
        claimant; a named group's, its own.
        """
        group = claimants("Varias fuentes")[0]
        named = ct.Actor("facebook-posts", "Facebook posts", kind="group")

        assert UNKNOWN_CLAIMANT.id == speaker_key(group)
        assert UNKNOWN_CLAIMANT.id == speaker_key(averitec.UNATTRIBUTED)
        assert "facebook-posts" == speaker_key(named)


class TestFields:
    """
    The JSON fields the fact-check formats read claimants and URLs from.
    """

    def test_text_field(self):
        """
        Text, stripped; a JSON-LD value object's value; None if empty.
        """
        node = {"a": " Jane ", "b": {"@value": " Doe "}, "c": " "}

        assert ["Jane", "Doe", None, None] == [
            text_field(node, key, key) for key in "abcd"
        ]
        with pytest.raises(ct.InvalidDocumentError):
            text_field({"a": 7}, "a", "a")

    def test_url_field(self):
        """
        A URL, or a node's @id; anything else is refused, named.
        """
        assert "https://x.example/a" == url_field(
            {"@id": " https://x.example/a "}, "url"
        )
        assert url_field(" ", "url") is None
        for bad in (7, "ftp://x.example/a", "/relative"):
            with pytest.raises(ct.InvalidDocumentError) as info:
                url_field(bad, "url")
            assert ("url", bad) == (info.value.field, info.value.value)
