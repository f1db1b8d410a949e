"""
A state read in part: dicts that fetch what they lack, when first asked.

A small operation on a large journal (add one claim, show one claim) needs
a handful of entries of the state, not the whole of it. A partial `State`
is made of `Lazy` dicts: asked for a key they lack, they ask a `Loader`
for it once, keep the answer, and then behave as plain dicts. The engine's
code is the same over a whole state and a partial one; only what it may
ask differs (a partial state cannot list everything: the Tracker reads the
journal whole for that).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast


if TYPE_CHECKING:
    from collections.abc import Callable

    from claimtrack._contradictions import Contradiction, Fact
    from claimtrack._events import Event
    from claimtrack._evidence import Evidence
    from claimtrack._models import Actor, Source


__all__ = ["Lazy", "Loader"]

K = TypeVar("K")
V = TypeVar("V")
_MISSING: Any = object()


class Loader(Protocol):
    """
    Where a partial state fetches what it lacks: a journal's keyed reads.
    """

    def actor(self, actor: str) -> Actor | None:
        """
        The actor with this id.
        """
        ...

    def named(self, key: str) -> list[str]:
        """
        The actors with a name, alias or role of this name key.
        """
        ...

    def claim(self, claim: str) -> tuple[int, Event] | None:
        """
        The event that added the claim, and its position.
        """
        ...

    def source(self, source: str) -> Source | None:
        """
        The source with this id.
        """
        ...

    def evidence(self, evidence: str) -> Evidence | None:
        """
        The evidence with this id.
        """
        ...

    def about(self, claim: str) -> list[Event]:
        """
        The events about the claim, in order.

        Those that add evidence, verdicts, a retraction or an explicit
        contradiction to it.
        """
        ...

    def fact(self, claim: str) -> Fact | None:
        """
        The claim's fact, as the journal keeps it.
        """
        ...

    def facts(self, subject: str, predicate: str) -> list[tuple[str, Fact]]:
        """
        The claims with a fact of this subject and predicate.
        """
        ...

    def links(self, claim: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """
        The claim's links: the other claim, the kind, the event ids.
        """
        ...

    def contradiction(self, link: str) -> Contradiction:
        """
        The explicit contradiction with this id.
        """
        ...

    def spoken_by(self, actor: str) -> list[tuple[int, Event]]:
        """
        The claim-added events of the claims this actor made, and where.
        """
        ...

    def entities(self, key: str) -> list[str]:
        """
        The claims whose subject or object is text with this name key.
        """
        ...

    def source_with_url(self, url: str) -> Source | None:
        """
        The first source added with this URL.
        """
        ...


class Lazy(dict[K, V]):
    """
    A dict that asks *load* for a key it lacks, once, and keeps the answer.

    *load* returns the value, or None for a key the journal does not have
    (asked again next time). Every way the engine reads a dict fetches:
    ``d[k]``, ``d.get(k)``, ``k in d``, ``d.setdefault(k, v)`` and
    ``d.pop(k, v)``; a key removed is not fetched again; iterating sees
    only what was fetched.
    """

    __slots__ = ("_added", "_gone", "_load")

    def __init__(self, load: Callable[[K], V | None]) -> None:
        super().__init__()
        self._load = load
        self._gone: set[K] = set()  # removed here: not fetched again
        self._added: dict[K, list[Any]] = {}  # appended, not fetched yet

    def _fetch(self, key: K) -> V | None:
        found = dict.get(self, key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[no-any-return]
        if key in self._gone:
            return None
        value = self._load(key)
        added = self._added.pop(key, None)
        if added is not None:  # a list with items appended before it was
            value = cast("V", [*cast("list[Any]", value or []), *added])
        if value is not None:
            dict.__setitem__(self, key, value)
        return value

    def append(self, key: K, item: object) -> None:
        """
        Append *item* to the list at *key*, without fetching it first.

        An index that only grows need not be read to be added to: the item
        joins the list when the list is fetched.
        """
        found = dict.get(self, key, _MISSING)
        if found is _MISSING:
            self._added.setdefault(key, []).append(item)
        else:
            found.append(item)

    def __missing__(self, key: K) -> V:
        value = self._fetch(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: K, default: Any = None) -> Any:
        """
        The value of *key*, fetched if need be, or *default*.
        """
        value = self._fetch(key)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return self._fetch(key) is not None  # type: ignore[arg-type]

    def setdefault(self, key: K, default: Any = None) -> Any:
        """
        The value of *key*, fetched if need be, else *default*, kept.
        """
        value = self._fetch(key)
        if value is None:
            self[key] = default
            return default
        return value

    def pop(self, key: K, default: Any = None) -> Any:
        """
        Remove *key*, fetched if need be; its value, or *default*.
        """
        value = self._fetch(key)
        if value is None:
            return default
        del self[key]
        return value

    def __setitem__(self, key: K, value: V) -> None:
        self._gone.discard(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: K) -> None:
        dict.__delitem__(self, key)
        self._gone.add(key)
