"""
Who a fact-check's claimant field names: people, accounts, or nobody.

Fact-checkers fill the claimant of a claim with a name ("Jair Bolsonaro"),
an account on a platform ("Facebook user Jane Doe", "Twitter user @x",
"FB user: https://www.facebook.com/jane.doe"), several claimants ("A, B
and social media users", "A y B", "A und B"), or words that name nobody in
particular: "Multiple sources", "Varias fuentes", "Facebook-Nutzer",
"Posts on Facebook and Twitter", "सोशल मीडिया यूजर्स", "مستخدمو مواقع
التواصل الاجتماعي", "網傳". Those are placeholders: an unnamed group, never
a person.

Placeholders are read by a small grammar, not matched against a list of
phrases: a placeholder is a run of words each of which is, in one of the
languages below, a word for users or accounts, pages or channels, posts or
messages, sources, rumours, social media or the internet, "viral",
"various" or "multiple", a platform (Facebook, X/Twitter, WhatsApp,
TikTok, Instagram, YouTube, Telegram and a few more), or a small word that
joins them ("on", "de", "sur", "auf", "पर", "على", "上"). So "Boatos de
redes sociais" and "Viral social media post" are placeholders, and so are
phrasings no list holds, while "Viral Shah" is a person: "Shah" is no
such word.

The languages: English, Spanish, Portuguese, French, German, Italian,
Catalan, Romanian, Hindi (with Marathi spellings), Urdu, Arabic, Chinese
(traditional and simplified), and the words for users and platforms in
Bengali, Gujarati and Tamil. Words match whatever their case, accents and
spelling variants (`word_key`); in Arabic a word may carry its article or
a prefixed "و", "ب", "ل" or "ف" ("والفيسبوك").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

import attrs

from claimtrack._models import ActorKind
from claimtrack._text import name_key, split_url
from claimtrack.formats._words import word_key


if TYPE_CHECKING:
    from collections.abc import Iterator


# -- the words ----------------------------------------------------------------

# Each class's words, language by language; "_" joins the words of one
# entry ("social_media"). Words are folded by `word_key` when the table is
# built, so they are written here as they are spelt.
_WORDS = {
    # who: users, accounts, people
    "who": """
        user users account accounts profile profiles people persons person
        individuals netizen netizens author authors commenter commenters
        influencer influencers blogger bloggers activists internet_users
        usuario usuarios usuaria usuarias internauta internautas
        cibernauta cibernautas cuenta cuentas perfil perfiles persona
        personas gente autor autores
        usuário usuários usuária usuárias utilizador utilizadores conta
        contas perfis pessoa pessoas influenciador influenciadores
        utilisateur utilisateurs utilisatrice utilisatrices internaute
        internautes compte comptes profils personne personnes gens usager
        usagers influenceur influenceurs auteur auteurs
        nutzer nutzerin nutzerinnen benutzer userin konto konten
        profile personen menschen leute internetnutzer
        utente utenti profilo profili persone internauti
        usuari usuaris usuària usuàries comptes perfils persones gent
        utilizator utilizatori utilizatorii cont conturi profiluri
        persoane oameni internauți
        यूजर यूजर्स युजर युजर्स यूजरों उपयोगकर्ता उपयोगकर्ताओं लोग लोगों
        अकाउंट अकाउंट्स खाता खाते प्रोफाइल
        صارف صارفین
        مستخدم مستخدمو مستخدمي مستخدمين مستخدمون رواد نشطاء ناشطون
        ناشطين حساب حسابات مدونون مدونين اشخاص الناس
        用戶 用户 網友 网友 帳號 帐号 账号 帳戶 账户 民眾 民众
        ব্যবহারকারী ব্যবহারকারীরা યુઝર યુઝર્સ પયોગકર્તા பயனர் பயனர்கள்
    """,
    # pages, channels, groups: accounts that are not one person
    "page": """
        page pages fan_page fan_pages channel channels group groups
        community communities
        página páginas canal canales grupo grupos comunidad comunidades
        canais comunidade comunidades
        chaîne chaînes groupe groupes communauté communautés
        seite seiten kanal kanäle gruppe gruppen
        pagina pagine canale canali gruppo gruppi
        pàgina pàgines grup grups
        pagină pagini grupuri
        पेज पेजों पेजेस चैनल ग्रुप ग्रुप्स समूह
        صفحة صفحات قناة قنوات مجموعة مجموعات
        粉專 粉专 粉絲專頁 粉丝专页 群組 群组 頻道 频道
    """,
    # posts, messages, pictures, sites: what was shared
    "post": """
        post posts posting postings message messages video videos image
        images photo photos picture pictures meme memes reel reels story
        stories status chain chains chain_message chain_messages email
        emails e_mail e_mails forward forwards content graphic graphics
        clip clips website websites site sites blog blogs article articles
        screenshot screenshots claim claims audio voice_note voice_notes
        publicación publicaciones mensaje mensajes vídeo vídeos imagen
        imágenes foto fotos posteo posteos cadena cadenas correo correos
        sitio sitios sitio_web sitios_web artículo artículos contenido
        contenidos captura capturas
        publicação publicações postagem postagens mensagem mensagens
        imagem imagens corrente correntes áudio áudios artigo artigos
        conteúdo conteúdos texto textos
        publication publications vidéo vidéos mème mèmes contenu contenus
        courriel courriels
        beitrag beiträge nachricht nachrichten bild bilder kettenbrief
        kettenbriefe kettennachricht kettennachrichten sprachnachricht
        sprachnachrichten webseite webseiten artikel inhalt inhalte
        messaggio messaggi immagine immagini catena catene sito siti
        articolo articoli contenuto contenuti
        publicació publicacions missatge missatges imatge imatges
        postare postări postările mesaj mesaje clipuri imagine fotografie
        fotografii
        पोस्ट पोस्ट्स पोस्टों वीडियो मैसेज संदेश तस्वीर तस्वीरें फोटो दावा
        दावे वेबसाइट वेबसाइटों ब्लॉग लेख
        منشور منشورات رسالة رسائل فيديو فيديوهات مقطع مقاطع صورة صور
        موقع مواقع ادعاء ادعاءات محتوى
        貼文 贴文 帖子 訊息 讯息 信息 消息 影片 視頻 视频 圖片 图片 照片 文章
        截圖 截图 網站 网站
    """,
    "source": """
        source sources resource resources
        fuente fuentes fonte fontes fonti font fonts quelle quellen
        fonte sursă surse sursele
        स्रोत सूत्र सूत्रों
        مصدر مصادر
        來源 来源 消息來源 消息来源
    """,
    "rumour": """
        rumour rumours rumor rumors hoax hoaxes
        rumores bulo bulos boato boatos rumeur rumeurs canular canulars
        gerücht gerüchte voce voci bufala bufale zvon zvonuri
        अफवाह अफवाहें
        شائعة شائعات اشاعة اشاعات
        網傳 网传 傳言 传言 謠言 谣言 流言 網路謠言 网络谣言
    """,
    # social media, the internet: where it was shared
    "media": """
        social_media social_network social_networks social_networking_sites
        social_platforms platform platforms internet the_internet online
        web messaging_apps
        redes_sociales red_social redes internet plataformas en_línea
        redes_sociais rede_social
        réseaux_sociaux réseau_social réseaux en_ligne plateformes
        soziale_medien sozialen_medien soziale_netzwerke sozialen_netzwerken
        netz plattformen
        social social_network rete piattaforme
        xarxes_socials xarxa_social xarxes
        rețele_sociale rețelele_sociale rețele_de_socializare
        rețelele_de_socializare mediul_online
        सोशल_मीडिया इंटरनेट ऑनलाइन
        سوشل_میڈیا
        مواقع_التواصل_الاجتماعي وسائل_التواصل_الاجتماعي مواقع_التواصل
        وسائل_التواصل التواصل_الاجتماعي شبكات_التواصل منصات
        السوشيال_ميديا انترنت
        社群平台 社群網站 社群网站 社群媒體 社群媒体 社交媒體 社交媒体 社交平台
        社交網站 社交网站 社群 網路 网路 網絡 网络 網上 网上 互聯網 互联网
        自媒體 自媒体 平台
    """,
    "viral": """
        viral virals circulating
        virales virais viralizado viralizados viralizada viralizadas
        virale viraux viralen kursierend kursierende kursierenden virali
        virală
        वायरल
        متداول متداولة منتشر منتشرة واسع_الانتشار
        瘋傳 疯传 流傳 流传
    """,
    # various, multiple, unknown
    "many": """
        various multiple multiples several many numerous different
        unknown unidentified unnamed anonymous some
        varias varios múltiples diversas diversos distintas distintos
        muchos muchas numerosos numerosas desconocido desconocidos
        desconocida desconocidas anónimo anónimos anónima anónimas
        algunos algunas
        várias vários múltiplas múltiplos muitos muitas desconhecido
        desconhecidos anônimo anônimos alguns algumas diferentes
        plusieurs diverses divers nombreux nombreuses différents
        différentes inconnu inconnus inconnue inconnues anonyme anonymes
        certains certaines
        verschiedene verschiedenen mehrere diverse viele zahlreiche
        unbekannt unbekannte unbekannten anonym anonyme einige
        vari varie diversi molteplici numerosi numerose molti molte
        sconosciuto sconosciuti sconosciuta sconosciute anonimo anonimi
        anonima anonime alcuni alcune
        varis vàries molts moltes desconegut desconeguts
        mai_multe mai_mulți multiple numeroase necunoscut necunoscută
        necunoscuți anonim anonimă unele unii
        कई विभिन्न अनेक अज्ञात कुछ बहुत
        عدة عدد_من العديد_من مختلف مختلفة مجهول مجهولة مجهولون بعض متعددة
        多個 多个 多名 多位 多方 大量 不明 匿名 各種 各种 一些
    """,
    # small words that join the others
    "filler": """
        on in from of the a an across via and or by at &
        en de del la las el los y e o u por al un una unos unas desde
        través
        em no na nos nas do da dos das ou pelo pela os as um uma
        sur les des du le l et d dans par à
        auf den der die das im von aus und oder bei über ein eine einer
        su sui sulle sul di dei delle della ed dai il lo i gli le
        dels els per
        pe din și sau la în ale prin
        पर के की का में से और व एवं द्वारा
        على في عبر من و او
        上 的 在 及 與 与 和
    """,
}

# Platforms by their canonical names, and how they are written.
_PLATFORMS = {
    "Facebook": """
        facebook fb facebookers फेसबुक فيسبوك فيس_بوك فيس_بك 臉書 脸书
        ফেসবুক ફેસબુક பேஸ்புக்
    """,
    "X/Twitter": """
        twitter tweet tweets tweeter tweeters tuit tuits tuitero tuiteros
        twittos tuíte tuítes ट्विटर ट्वीट تويتر تغريدة تغريدات مغرد
        مغردون مغردين ٹوئٹر 推特 推文 ட்விட்டர்
    """,
    "WhatsApp": """
        whatsapp whastapp watsapp व्हाट्सएप व्हाट्सऐप वॉट्सऐप वॉट्सएप
        واتساب واتس_اب واٹس_ایپ வாட்ஸ்அப் વોટ્સએપ
    """,
    "TikTok": """
        tiktok tik_tok tiktoker tiktokers टिकटॉक تيك_توك تيكتوك
    """,
    "Instagram": """
        instagram insta ig instagrammer instagrammers इंस्टाग्राम انستغرام
        انستجرام انستقرام
    """,
    "YouTube": "youtube youtuber youtubers यूट्यूब يوتيوب 油管",
    "Telegram": "telegram टेलीग्राम تيليجرام تلغرام تليجرام 電報 电报",
    "Threads": "threads",
    "WeChat": "wechat 微信",
    "Weibo": "weibo 微博",
    "Douyin": "douyin 抖音",
    "Kwai": "kwai",
    "Snapchat": "snapchat",
    "Reddit": "reddit",
    "Truth Social": "truth_social",
}

# Platforms whose name is also a common word or letter: they count only
# next to a word for users, pages or posts ("X user @jane", "LINE 訊息").
_WEAK_PLATFORMS = {"X/Twitter": "x", "LINE": "line"}

# Words for users or posts that say their platform ("tweets", "tuiteros").
_SAYS_PLATFORM = {
    "who": {
        "X/Twitter": "tweeter tweeters tuitero tuiteros twittos مغرد مغردون "
        "مغردين",
        "YouTube": "youtuber youtubers",
        "TikTok": "tiktoker tiktokers",
        "Instagram": "instagrammer instagrammers",
        "Facebook": "facebookers",
    },
    "post": {
        "X/Twitter": "tweet tweets tuit tuits tuíte tuítes ट्वीट تغريدة "
        "تغريدات 推文"
    },
}

# A platform's web addresses, to name the platform of an account's URL.
_HOSTS = {
    "facebook.com": "Facebook",
    "fb.com": "Facebook",
    "fb.watch": "Facebook",
    "twitter.com": "X/Twitter",
    "x.com": "X/Twitter",
    "whatsapp.com": "WhatsApp",
    "wa.me": "WhatsApp",
    "tiktok.com": "TikTok",
    "instagram.com": "Instagram",
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "t.me": "Telegram",
    "telegram.me": "Telegram",
    "threads.net": "Threads",
    "weibo.com": "Weibo",
    "reddit.com": "Reddit",
}

_CONTENT = frozenset({"who", "page", "post", "source", "rumour", "media"})
_CONTENT |= {"viral", "many", "platform"}


@attrs.frozen
class _Entry:
    kind: str
    platform: str | None = None


def _entries() -> dict[tuple[str, ...], _Entry]:
    table: dict[tuple[str, ...], _Entry] = {}

    def put(words: str, entry: _Entry) -> None:
        for item in words.split():
            key = tuple(word_key(w) for w in item.split("_"))
            table[key] = entry

    for kind, words in _WORDS.items():
        put(words, _Entry(kind))
    for platform, words in _PLATFORMS.items():
        put(words, _Entry("platform", platform))
    for platform, words in _WEAK_PLATFORMS.items():
        put(words, _Entry("weak", platform))
    for kind, said in _SAYS_PLATFORM.items():
        for platform, words in said.items():
            put(words, _Entry(kind, platform))
    return table


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


_TABLE = _entries()
_LONGEST = max(len(key) for key in _TABLE)
_HAN = frozenset(
    k[0] for k in _TABLE if len(k) == 1 and k[0] and _is_han(k[0][0])
)
_HAN_LONGEST = max(len(word) for word in _HAN)

# Arabic words may carry the article and a one-letter prefix.
_ARABIC_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


# -- tokens -------------------------------------------------------------------


@attrs.frozen
class _Token:
    start: int
    end: int
    keys: tuple[str, ...]  # its folded forms; none for a @handle


def _separates(ch: str) -> bool:
    if ch.isspace() or ch in "|+":
        return True
    return unicodedata.category(ch).startswith("P") and ch not in "@&"


def _tokens(text: str) -> list[_Token]:
    """
    The words of *text*, with their places; Chinese split into words.
    """
    found: list[_Token] = []
    start = None
    for index, ch in enumerate([*text, " "]):
        if _separates(ch):
            if start is not None:
                found.extend(_words(text, start, index))
                start = None
        elif start is None:
            start = index
    return found


def _words(text: str, start: int, end: int) -> Iterator[_Token]:
    """
    A run of word characters as words: Han runs apart, split by the table.
    """
    run = start
    for index in range(start + 1, end + 1):
        if index == end or _is_han(text[index]) != _is_han(text[run]):
            if _is_han(text[run]):
                yield from _han(text, run, index)
            else:
                yield _token(text, run, index)
            run = index


def _han(text: str, start: int, end: int) -> Iterator[_Token]:
    at = start
    while at < end:
        size = min(_HAN_LONGEST, end - at)
        while size > 1 and text[at : at + size] not in _HAN:
            size -= 1
        yield _token(text, at, at + size)
        at += size


def _token(text: str, start: int, end: int) -> _Token:
    word = text[start:end]
    if word.startswith("@") and name_key(word):  # a handle: a name
        return _Token(start, end, ())
    key = word_key(word)
    keys = [key]
    keys.extend(
        key[len(prefix) :]
        for prefix in _ARABIC_PREFIXES
        if key.startswith(prefix) and len(key) > len(prefix) + 1
    )
    return _Token(start, end, tuple(keys))


@attrs.frozen
class _Match:
    start: int  # tokens
    end: int
    entry: _Entry


def _parse(tokens: list[_Token]) -> list[_Match] | None:
    """
    The words of *tokens*, each a word of the table; None if one is not.

    Longer entries are tried first ("social media" before "social").
    """

    @functools.cache
    def rest(at: int) -> tuple[_Match, ...] | None:
        if at == len(tokens):
            return ()
        for size in range(min(_LONGEST, len(tokens) - at), 0, -1):
            for key in _keys(tokens[at : at + size]):
                entry = _TABLE.get(key)
                if entry is None:
                    continue
                after = rest(at + size)
                if after is not None:
                    return (_Match(at, at + size, entry), *after)
        return None

    found = rest(0)
    return None if found is None else list(found)


def _keys(tokens: list[_Token]) -> Iterator[tuple[str, ...]]:
    """
    Each way of reading *tokens* as folded words (Arabic prefixes off).
    """
    if not tokens:
        yield ()
        return
    for first in tokens[0].keys:
        for others in _keys(tokens[1:]):
            yield (first, *others)


def _kinds(matches: list[_Match]) -> set[str]:
    return {m.entry.kind for m in matches}


def _platforms(matches: list[_Match]) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            m.entry.platform for m in matches if m.entry.platform is not None
        )
    )


def _is_placeholder(matches: list[_Match] | None) -> bool:
    """
    Whether words of the table make a placeholder.

    A word with content is needed ("on the" is none), and a platform whose
    name is a common word ("X", "LINE") counts only beside users, pages or
    posts.
    """
    if not matches:
        return False
    kinds = _kinds(matches)
    if "weak" in kinds and not kinds & {"who", "page", "post"}:
        return False
    return bool(kinds & (_CONTENT | {"weak"}))


def _is_prefix(matches: list[_Match] | None, *, handle: bool) -> bool:
    """
    Whether words name a platform's account, before the account's name.

    "Facebook user", "usuario de Facebook", "tuitero"; or a platform alone
    before a @handle ("Twitter @jack").
    """
    if not matches:
        return False
    kinds = _kinds(matches)
    if not kinds <= {"who", "page", "platform", "weak", "filler"}:
        return False
    said = bool(_platforms(matches))
    return said and (bool(kinds & {"who", "page"}) or handle)


# -- claimants ----------------------------------------------------------------


@attrs.frozen
class Named:
    """
    One claimant a claimant field names.

    Attributes:
        words: The words as written, cleaned (`clean_name`).
        name: The person's or account's name; None for a placeholder,
            which names an unnamed group.
        kind: `ActorKind.GROUP` for a placeholder; `ActorKind.ORGANIZATION`
            for a page or channel ("Facebook page X"); else a person.
        platforms: The platforms named ("Facebook", "X/Twitter"), in order.
        role: What an account is: "Facebook user", "YouTube page" (a
            page, channel or group).
        url: The account's URL, when it is named by one.
    """

    words: str
    name: str | None
    kind: ActorKind = ActorKind.PERSON
    platforms: tuple[str, ...] = ()
    role: str | None = None
    url: str | None = None

    @property
    def placeholder(self) -> bool:
        """
        Whether it names nobody in particular: an unnamed group.
        """
        return self.name is None


_QUOTE_PAIRS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}


def clean_name(value: str) -> str:
    """
    A name without surrounding quotes, invisible marks or extra spaces.
    """
    text = " ".join(value.split())
    text = _strip_marks(text)
    while len(text) > 1 and _QUOTE_PAIRS.get(text[0]) == text[-1]:
        text = _strip_marks(" ".join(text[1:-1].split()))
    return text


def _strip_marks(text: str) -> str:
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]) == "Cf":
        start += 1
    while end > start and unicodedata.category(text[end - 1]) == "Cf":
        end -= 1
    return text[start:end].strip()


def is_placeholder(value: str) -> bool:
    """
    Whether *value* names nobody in particular ("Varias fuentes", "網傳").

    .. versionadded:: 0.2.0
    """
    return _is_placeholder(_parse(_tokens(clean_name(value))))


def read_claimants(value: str) -> tuple[Named, ...]:
    """
    Everyone a claimant field names, in order; none if it has no name.

    A placeholder is one unnamed group, whatever it lists ("Posts on
    Facebook and Twitter"); a list of claimants ("A, B and social media
    users") is each of them; an account is its name with its platform.

    .. versionadded:: 0.2.0
    """
    text = clean_name(value)
    if not name_key(text):
        return ()
    whole = _one(text)
    if whole.placeholder:
        return (whole,)
    listed = _listed(text)
    if listed is None:
        return (whole,)
    found: dict[str, Named] = {}
    for part in listed:
        found.setdefault(name_key(part.name or part.words), part)
    return tuple(found.values())


_URL = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)


def _one(text: str) -> Named:
    """
    What one claimant's words name: a placeholder, an account, a name.
    """
    url = _URL.search(text)
    if url is not None:
        return _by_url(text, url)
    tokens = _tokens(text)
    matches = _parse(tokens)
    if _is_placeholder(matches):
        return Named(text, None, ActorKind.GROUP, _platforms(matches or []))
    for size in range(1, len(tokens)):
        rest = tokens[size:]
        handle = len(rest) == 1 and not rest[0].keys
        head = _parse(tokens[:size])
        if _is_prefix(head, handle=handle):
            assert head is not None  # noqa: S101 -- a prefix has words
            return _account(text, text[rest[0].start : rest[-1].end], head)
    return Named(text, text)


def _account(
    text: str, name: str, head: list[_Match], url: str | None = None
) -> Named:
    platforms = _platforms(head)
    page = "page" in _kinds(head)
    role = f"{' and '.join(platforms)} {'page' if page else 'user'}"
    kind = ActorKind.ORGANIZATION if page else ActorKind.PERSON
    return Named(text, name, kind, platforms, role, url)


def _by_url(text: str, found: re.Match[str]) -> Named:
    """
    A claimant given with a URL.

    An account named by its URL alone or after its platform and "user"
    ("FB user: https://www.facebook.com/jane.doe"); else what the words
    beside the URL name, the URL kept with a name ("Jane Doe
    https://example.org/jd").
    """
    url = found[0].rstrip(".,;)")
    rest = " ".join(f"{text[: found.start()]} {text[found.end() :]}".split())
    head = _parse(_tokens(rest))
    if head is None or (
        _kinds(head) - {"filler"} and not _is_prefix(head, handle=True)
    ):
        named = _one(rest)
        if named.placeholder:
            return named
        return attrs.evolve(named, url=named.url or url)
    parts = split_url(url)
    host = "" if parts is None else parts.netloc.lower().removeprefix("www.")
    platform = _HOSTS.get(host.removeprefix("m."))
    if platform is not None:
        head = [*head, _Match(0, 0, _Entry("platform", platform))]
    if not _platforms(head):
        return Named(text, url_name(url), url=url)
    return _account(text, url_name(url), head, url)


def url_name(url: str) -> str:
    """
    The name of an account known only by its URL: its host and path.

    "https://www.facebook.com/jane.doe" is "facebook.com/jane.doe".

    .. versionadded:: 0.2.0
    """
    parts = split_url(url)
    if parts is None:  # not a URL anyone can follow: its words as given
        return url
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.strip("/")
    return f"{host}/{path}" if path else host


# -- lists of claimants -------------------------------------------------------

_PUNCTUATION = re.compile(r"\s*[,;\u3001\uff0c\uff1b\u060c\u061b]\s*")
_AND = r"\s+(?:and|And|AND|y|e|et|und|i|ed|și|şi|और|व|एवं|و)\s+"
# "&" is in the names of firms ("Clean & Green Services"), and "和" and its
# kin join Chinese words with no space and are inside names too
# ("中华人民共和国"): they split only a list with a placeholder or account.
_WEAK_AND = (
    r"\s+&\s+"
    r"|(?<=[\u3400-\u9fff])(?:以及|和|與|与|及)(?=[\u3400-\u9fff])"
)
_CONJUNCTION = re.compile(f"{_AND}|{_WEAK_AND}")
_LEADING = re.compile(r"^(?:and|And|AND|&|y|e|et|und|i|ed|și|şi|और|و)\s+")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "phd", "esq"})
# Words that make a name an institution's, whose own name may hold "and":
# "Ministry of Health and Family Welfare", "Bill and Melinda Gates
# Foundation".
_CONNECTORS = frozenset({"of", "for", "the", "für", "pour", "para", "per"})
_INSTITUTION_WORDS = """
    ministry ministerio ministério ministère ministero ministerium
    department departamento département departement secretaria secretaría
    office council consejo conselho conseil committee comité comite
    commission comisión comissão institute instituto institut istituto
    university universidad universidade université universität università
    party partido parti partei partito association asociación associação
    federation federación federação foundation fundación fundação
    fondation stiftung fondazione agency agencia agência agence center
    centre centers centro board bureau court tribunal corte bank banco
    banque company inc ltd corp llc organization organisation
    organización organização union unión união
    وزارة حزب هيئة مجلس منظمة جامعة
    मंत्रालय पार्टी विभाग संगठन
"""
_INSTITUTIONS = frozenset(word_key(w) for w in _INSTITUTION_WORDS.split())


def _listed(text: str) -> list[Named] | None:
    """
    The claimants a list names ("A, B and social media users"), or None.

    The list is split at commas and the like, then at "and" in each of
    its languages, except inside a placeholder ("users of Facebook and
    Twitter"). It is taken when each part reads as a claimant: a
    placeholder, an account, or a name that starts with a capital (in
    scripts that have them; Chinese names of two characters or more;
    other names of two words or more). The name of an institution
    ("Ministry of Health and Family Welfare") is no list.
    """
    parts: list[str] = []
    weak = False
    for piece in _PUNCTUATION.split(text):
        piece = _LEADING.sub("", piece.strip())  # noqa: PLW2901 -- the same
        if parts and name_key(piece) in _SUFFIXES:
            parts[-1] = f"{parts[-1]}, {piece}"
        elif not piece or _one(piece).placeholder:
            parts.append(piece)
        else:
            split = _CONJUNCTION.split(piece)
            weak = weak or len(split) > len(re.split(_AND, piece))
            parts.extend(split)
    if len(parts) < 2 or not all(name_key(p) for p in parts):  # noqa: PLR2004
        return None
    named = [_one(part) for part in parts]
    if any(n.placeholder or n.role is not None for n in named):
        return named
    keys = [word_key(p) for p in parts]
    if weak or len(set(keys)) < len(keys) or not all(map(_a_name, parts)):
        return None
    words = {w for key in keys for w in key.split()}
    if words & _CONNECTORS:
        return None
    if {keys[0].split()[0], keys[-1].split()[-1]} & _INSTITUTIONS:
        return None
    return named


def _a_name(part: str) -> bool:
    letters = [ch for ch in part if ch.isalpha()]
    cased = [ch for ch in letters if ch.isupper() or ch.islower()]
    if _URL.fullmatch(part):
        return True
    if cased:
        return part[0].isupper() or part[0] == "@" or part[0].isdigit()
    if all(map(_is_han, letters)):
        return len(letters) > 1
    return len(part.split()) > 1


def read_claimant(value: str) -> Named | None:
    """
    What a claimant field names, taken whole as one claimant.

    None if it has no name. A list ("A and B") is one name here.

    .. versionadded:: 0.2.0
    """
    text = clean_name(value)
    return _one(text) if name_key(text) else None
