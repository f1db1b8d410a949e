"""
Verdict labels in the publishers' languages, and the rating each means.

Fact-checkers publish their ratings in their own languages: "Falso",
"Engañoso", "Faux", "Irreführend", "錯誤", "زائف", "भ्रामक". Each label
here maps to a `Rating` of claimtrack's scale the way its English
counterpart in `claimtrack.formats.claimreview.LABELS` does: "Engañoso"
is "misleading", which judges how a claim was presented and has no
rating; "Parcialmente falso" is "partly false", `Rating.MIXED`.

A label matches whatever its case, accents, punctuation and emoji ("❌
FALSO", "Falso.", "falso" are one label), and feminine and plural forms
are listed where publishers use them ("Falsa", "Engañosa").
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from claimtrack._scales import Rating
from claimtrack.formats._words import label_key


if TYPE_CHECKING:
    from collections.abc import Mapping


_T = Rating.TRUE
_MT = Rating.MOSTLY_TRUE
_MX = Rating.MIXED
_MF = Rating.MOSTLY_FALSE
_F = Rating.FALSE
_U = Rating.UNPROVEN

LANGUAGES: Mapping[str, str] = MappingProxyType(
    {
        "es": "Spanish",
        "pt": "Portuguese",
        "fr": "French",
        "de": "German",
        "it": "Italian",
        "ca": "Catalan",
        "ro": "Romanian",
        "zh-Hant": "Chinese (traditional)",
        "zh-Hans": "Chinese (simplified)",
        "ar": "Arabic",
        "hi": "Hindi",
    }
)
"""The languages of `LANGUAGE_LABELS`, by language tag, in English."""

_TABLE: dict[str, dict[str, Rating | None]] = {
    "es": {
        "Verdadero": _T,
        "Verdadera": _T,
        "Cierto": _T,
        "Correcto": _T,
        "Verdadero, pero": _MT,
        "Mayormente verdadero": _MT,
        "Impreciso": _MX,
        "Imprecisa": _MX,
        "Verdad a medias": _MX,
        "Parcialmente falso": _MX,
        "Parcialmente falsa": _MX,
        "Parcialmente verdadero": _MX,
        "Exagerado": _MX,
        "Exagerada": _MX,
        "Discutible": _MX,
        "Mayormente falso": _MF,
        "Falso": _F,
        "Falsa": _F,
        "Incorrecto": _F,
        "Bulo": _F,
        "Sin evidencia": _U,
        "Sin evidencias": _U,
        "Sin pruebas": _U,
        "Insostenible": _U,
        "Inchequeable": _U,
        "No verificable": _U,
        "Engañoso": None,
        "Engañosa": None,
        "Falta contexto": None,
        "Contexto faltante": None,
        "Sin contexto": None,
        "Sacado de contexto": None,
        "Manipulado": None,
        "Manipulada": None,
        "Sátira": None,
    },
    "pt": {
        "Verdadeiro": _T,
        "Verdadeira": _T,
        "Correto": _T,
        "Verdadeiro, mas": _MT,
        "Impreciso": _MX,
        "Imprecisa": _MX,
        "Exagerado": _MX,
        "Parcialmente falso": _MX,
        "Parcialmente verdadeiro": _MX,
        "Falso": _F,
        "Falsa": _F,
        "Errado": _F,
        "Boato": _F,
        "Sem evidências": _U,
        "Sem provas": _U,
        "Insustentável": _U,
        "Enganoso": None,
        "Enganosa": None,
        "Distorcido": None,
        "Distorcida": None,
        "Sem contexto": None,
        "Fora de contexto": None,
        "Contraditório": None,
        "Montagem": None,
    },
    "fr": {
        "Vrai": _T,
        "Vraie": _T,
        "Plutôt vrai": _MT,
        "Partiellement faux": _MX,
        "Partiellement vrai": _MX,
        "Exagéré": _MX,
        "Imprécis": _MX,
        "Plutôt faux": _MF,
        "Faux": _F,
        "Fausse": _F,
        "Inexact": _F,
        "Intox": _F,
        "Infondé": _U,
        "Non prouvé": _U,
        "Invérifiable": _U,
        "Trompeur": None,
        "Trompeuse": None,
        "Manque de contexte": None,
        "Contexte manquant": None,
        "Hors contexte": None,
        "Sorti de son contexte": None,
        "Montage": None,
        "Retouché": None,
    },
    "de": {
        "Richtig": _T,
        "Wahr": _T,
        "Stimmt": _T,
        "Größtenteils richtig": _MT,
        "Überwiegend richtig": _MT,
        "Teilweise falsch": _MX,
        "Teilweise richtig": _MX,
        "Halbwahr": _MX,
        "Größtenteils falsch": _MF,
        "Überwiegend falsch": _MF,
        "Falsch": _F,
        "Unwahr": _F,
        "Stimmt nicht": _F,
        "Frei erfunden": _F,
        "Falschmeldung": _F,
        "Unbelegt": _U,
        "Nicht belegt": _U,
        "Unbewiesen": _U,
        "Irreführend": None,
        "Fehlender Kontext": None,
        "Kontext fehlt": None,
        "Aus dem Kontext gerissen": None,
        "Manipuliert": None,
    },
    "it": {
        "Vero": _T,
        "Vera": _T,
        "C'eri quasi": _MT,
        "Parzialmente falso": _MX,
        "Parzialmente vero": _MX,
        "Mezza verità": _MX,
        "Nì": _MX,
        "Pinocchio andante": _MF,
        "Falso": _F,
        "Falsa": _F,
        "Bufala": _F,
        "Panzana pazzesca": _F,
        "Non provato": _U,
        "Infondato": _U,
        "Fuorviante": None,
        "Contesto mancante": None,
        "Senza contesto": None,
        "Manipolato": None,
        "Satira": None,
    },
    "ca": {
        "Cert": _T,
        "Veritat": _T,
        "Parcialment fals": _MX,
        "Parcialment cert": _MX,
        "Fals": _F,
        "Falsa": _F,
        "Sense proves": _U,
        "Enganyós": None,
        "Enganyosa": None,
        "Falta context": None,
        "Sense context": None,
        "Manipulat": None,
    },
    "ro": {
        "Adevărat": _T,
        "Adevărată": _T,
        "Parțial adevărat": _MX,
        "Parțial fals": _MX,
        "Trunchiat": _MX,
        "Fals": _F,
        "Falsă": _F,
        "Neverificabil": _U,
        "Înșelător": None,
        "Înșelătoare": None,
        "Fără context": None,
        "Lipsă de context": None,
        "Manipulat": None,
        "Satiră": None,
    },
    "zh-Hant": {
        "正確": _T,
        "屬實": _T,
        "部分錯誤": _MX,
        "部分正確": _MX,
        "半真半假": _MX,
        "錯誤": _F,
        "不實": _F,
        "假的": _F,
        "假消息": _F,
        "證據不足": _U,
        "無法證實": _U,
        "未經證實": _U,
        "誤導": None,
        "易生誤解": None,
        "缺乏背景": None,
        "事實釐清": None,
        "變造": None,
        "詐騙": None,
    },
    "zh-Hans": {
        "正确": _T,
        "属实": _T,
        "部分错误": _MX,
        "部分正确": _MX,
        "半真半假": _MX,
        "错误": _F,
        "不实": _F,
        "假的": _F,
        "假消息": _F,
        "证据不足": _U,
        "无法证实": _U,
        "未经证实": _U,
        "误导": None,
        "易生误解": None,
        "缺乏背景": None,
        "事实厘清": None,
        "变造": None,
        "诈骗": None,
    },
    "ar": {
        "صحيح": _T,
        "صحيح جزئيا": _MX,
        "زائف جزئيا": _MX,
        "زائف": _F,
        "خطأ": _F,
        "خاطئ": _F,
        "كاذب": _F,
        "غير صحيح": _F,
        "غير دقيق": _F,
        "مفبرك": _F,
        "ملفق": _F,
        "غير مؤكد": _U,
        "لا دليل": _U,
        "مضلل": None,
        "عنوان مضلل": None,
        "محتوى ناقص": None,
        "خارج السياق": None,
        "ساخر": None,
    },
    "hi": {
        "सच": _T,
        "सही": _T,
        "सत्य": _T,
        "आंशिक रूप से सही": _MX,
        "आंशिक रूप से सच": _MX,
        "आंशिक रूप से गलत": _MX,
        "आधा सच": _MX,
        "झूठ": _F,
        "झूठा": _F,
        "गलत": _F,
        "असत्य": _F,
        "फर्जी": _F,
        "फेक": _F,
        "अपुष्ट": _U,
        "असत्यापित": _U,
        "भ्रामक": None,
        "संदर्भ से बाहर": None,
        "व्यंग्य": None,
    },
}

LANGUAGE_LABELS: Mapping[str, Mapping[str, Rating | None]] = MappingProxyType(
    {tag: MappingProxyType(labels) for tag, labels in _TABLE.items()}
)
"""For each language tag, its published labels and the `Rating` of each
(``None``: a label that judges no truth, kept with no rating)."""

BY_KEY: Mapping[str, Rating | None] = MappingProxyType(
    {
        label_key(label): rating
        for labels in _TABLE.values()
        for label, rating in labels.items()
    }
)
"""Every label of `LANGUAGE_LABELS` by its key (`label_key`)."""


def table_rows() -> list[tuple[str, str, str]]:
    """
    The table as docs/languages.md shows it: language, rating, labels.

    One row per language and rating, the ratings from true to false,
    then unproven, then none; the labels as listed here, joined by "; "
    (a label may hold a comma: "Verdadero, pero").
    """
    order = [*Rating, None]
    rows = []
    for tag, labels in _TABLE.items():
        for rating in order:
            named = [label for label, r in labels.items() if r is rating]
            if named:
                rows.append(
                    (
                        f"{LANGUAGES[tag]} (`{tag}`)",
                        "none" if rating is None else f"`{rating.name}`",
                        "; ".join(named),
                    )
                )
    return rows
