"""
The vocabulary strategies draw from, and the checks of their options.

Texts as real sources have them, ids, names that now and then collide,
roles, subjects and predicates from a small vocabulary, publishers, URLs,
languages, analysts, aware instants, numbers and units; and the checks
that make a bad option raise ``InvalidArgument``, as Hypothesis's own
strategies do.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from claimtrack._models import Actor


if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


_T = TypeVar("_T")

# Text as real sources have it: letters of several scripts, curly quotes,
# line breaks, tabs and doubled spaces. Shrinks towards "a".
_ALPHABET = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyz ABCDE.,;:!?'\"\n",
        "\u201c",
        "\u201d",
        "\u2019",
        "é",
        "ñ",
        "ü",
        "م",
        "न",
        "ि",
        "த",
        "\t",
    ]
)
_TEXTS = st.text(_ALPHABET, min_size=1)
_IDS = st.from_regex(r"[a-z][a-z0-9\-]{0,11}", fullmatch=True)
_WORDS = (
    "Ana",
    "Nayib",
    "Bukele",
    "Marco",
    "Rubio",
    "Élodie",
    "Núñez",
    "Ministry",
    "of",
    "the",
    "Interior",
)
# Names that read like names, and names that only a machine would write;
# both kinds collide with each other now and then, as real names do.
_NAMES = st.one_of(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join),
    st.text(
        st.sampled_from(list("abcdefghijklmnopqrstuvwxyzÁÉé .-")), min_size=1
    ).filter(lambda s: any(c.isalnum() for c in s)),
)
_ROLES = st.sampled_from(
    [
        "US Secretary of State",
        "President of El Salvador",
        "spokesperson",
        "Minister of the Interior",
    ]
)
_THINGS = st.sampled_from(
    [
        "the agreement",
        "deportees",
        "the border",
        "El Salvador",
        "any nationality",
        "agreed",
        "being finalized",
    ]
)
_PREDICATES = st.sampled_from(
    ["status", "accepts_deportees_of", "offered", "count", "holds"]
)
_STATEMENTS = st.one_of(
    st.sampled_from(
        [
            "El Salvador offered to accept US deportees",
            "The agreement is being finalized",
            "Deportations rose in February",
            "The border is closed",
        ]
    ),
    _TEXTS.filter(str.strip),
)
_TAGS = st.sampled_from(["migration", "el-salvador", "deportation", "policy"])
_PUBLISHERS = st.sampled_from(
    ["AP", "India TV", "Reuters", "El Faro", "Le Monde"]
)
_HOSTS = st.sampled_from(
    ["apnews.com", "www.indiatvnews.com", "elfaro.net", "example.org"]
)
_URLS = st.builds(
    "https://{}/{}".format,
    _HOSTS,
    st.from_regex(r"[a-z0-9\-]{0,12}", fullmatch=True),
)
_LANGUAGES = st.sampled_from(["en", "es", "pt-BR", "hi", "ar", "ta"])
_ANALYSTS = st.none() | st.sampled_from(["ana", "editor", "desk"])
_OFFSETS = st.sampled_from(
    [
        dt.UTC,
        dt.timezone(dt.timedelta(hours=5, minutes=30)),
        dt.timezone(dt.timedelta(hours=-3)),
    ]
)
_INSTANTS = st.datetimes(
    min_value=dt.datetime(2000, 1, 1),  # noqa: DTZ001 -- bounds are naive
    max_value=dt.datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=_OFFSETS,
)
_NUMBERS = st.one_of(
    st.integers(-(10**6), 10**6),
    st.decimals(
        min_value=-(10**9),
        max_value=10**9,
        places=3,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.floats(allow_nan=False, allow_infinity=False),
)
_UNITS = st.none() | st.sampled_from(
    ["migrants", "deportees", "USD", "km", "%"]
)


def _strategy(
    name: str, value: SearchStrategy[_T] | None, default: SearchStrategy[_T]
) -> SearchStrategy[_T]:
    """
    The strategy given for option *name*, or *default* for None.

    Raises:
        InvalidArgument: If the option is not a strategy.
    """
    if value is None:
        return default
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(
            f"{name}={value!r} must be a strategy; to always use one value, "
            f"pass st.just({value!r})"
        )
    return value


def _drawn(name: str, value: object, *types: type) -> None:
    """
    Check that what option *name*'s strategy drew has one of *types*.
    """
    if not isinstance(value, types):
        wanted = " or ".join(
            "None" if t is type(None) else t.__name__ for t in types
        )
        raise InvalidArgument(f"{name} drew {value!r}, which is not {wanted}")


def _check_date(name: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidArgument(
            f"{name}={value!r} must be a datetime.date (not a datetime)"
        )
    return value


def _check_size(name: str, value: object, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an int")
    if value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be >= {minimum}")
    return value


def _check_flag(name: str, value: object) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True, False or None")
    return value


def _actor_id(name: str, value: object) -> str:
    _drawn(name, value, str, Actor)
    return value.id if isinstance(value, Actor) else str(value)
