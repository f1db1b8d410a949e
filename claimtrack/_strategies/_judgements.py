"""
Strategies for what analysts add to claims, and what they judge by.

Citations, evidence with its derived id, rating scales, verdicts on them,
retractions; and the tolerances, predicate declarations and policies of a
tracker.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from claimtrack import scales as _scales
from claimtrack._evidence import (
    Citation,
    Evidence,
    Policy,
    Retraction,
    Stance,
    Verdict,
)
from claimtrack._models import Claim, Source
from claimtrack._predicates import Predicate, Tolerance, predicate_key
from claimtrack._scales import RatingScale
from claimtrack._strategies._claims import sources, spans
from claimtrack._strategies._common import (
    _ANALYSTS,
    _IDS,
    _INSTANTS,
    _PREDICATES,
    _STATEMENTS,
    _URLS,
    _drawn,
    _strategy,
)


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy


@st.composite
def citations(
    draw: DrawFn,
    *,
    claim: SearchStrategy[str | Claim] | None = None,
    source: SearchStrategy[Source] | None = None,
    url: SearchStrategy[str] | None = None,
) -> Citation:
    """
    Draw `Citation` values: a claim, a source or its span, or a URL.

    Each citation cites one thing, drawn from one of the three options; a
    source with text is cited by a span of it or whole. Pass
    ``st.nothing()`` for an option to leave that kind out.

    Args:
        claim: A strategy for the claims cited, ids or Claims.
        source: A strategy for the sources cited.
        url: A strategy for the http(s) URLs cited.

    Raises:
        InvalidArgument: If an option is not a strategy, or all three are
            ``st.nothing()``.

    .. versionadded:: 0.1.0
    """
    cited_claims = _strategy("claim", claim, _IDS)
    cited_sources = _strategy("source", source, sources())
    cited_urls = _strategy("url", url, _URLS)
    kinds = [
        kind
        for kind, strategy in (
            ("claim", cited_claims),
            ("source", cited_sources),
            ("url", cited_urls),
        )
        if not strategy.is_empty
    ]
    if not kinds:
        raise InvalidArgument("claim, source and url cannot all be empty")
    kind = draw(st.sampled_from(kinds))
    if kind == "claim":
        target = draw(cited_claims)
        _drawn("claim", target, str, Claim)
        return Citation(
            claim=target.id if isinstance(target, Claim) else target
        )
    if kind == "source":
        src = draw(cited_sources)
        _drawn("source", src, Source)
        if src.text and draw(st.booleans()):
            return Citation(span=draw(spans(source=st.just(src))))
        return Citation(source=src.id)
    address = draw(cited_urls)
    _drawn("url", address, str)
    return Citation(url=address)


@st.composite
def evidence(
    draw: DrawFn,
    *,
    claim: SearchStrategy[str | Claim] | None = None,
    stance: SearchStrategy[Stance] | None = None,
    items: SearchStrategy[Sequence[Citation]] | None = None,
    by: SearchStrategy[str | None] | None = None,
    at: SearchStrategy[dt.datetime] | None = None,
) -> Evidence:
    """
    Draw `Evidence` values: one citation, or an evidence set.

    The evidence's id is the one `Evidence.make_id` derives; a citation of
    the claim itself is left out.

    Args:
        claim: A strategy for the claim it bears on, an id or a Claim.
        stance: A strategy for its `Stance`.
        items: A strategy for what it cites, a non-empty list of
            `Citation` values (several make an evidence set).
        by: A strategy for who added it, or None.
        at: A strategy for when, aware datetimes.

    Raises:
        InvalidArgument: If an option is not a strategy, or *items* draws
            nothing but citations of the claim itself.

    .. versionadded:: 0.1.0
    """
    target = draw(_strategy("claim", claim, _IDS))
    _drawn("claim", target, str, Claim)
    claim_id = target.id if isinstance(target, Claim) else target
    kind = draw(_strategy("stance", stance, st.sampled_from(Stance)))
    others = citations(claim=_IDS.filter(lambda c: c != claim_id))
    cited = [
        c
        for c in draw(
            _strategy("items", items, st.lists(others, min_size=1, max_size=3))
        )
        if c.claim != claim_id
    ]
    if not cited:
        raise InvalidArgument(
            f"items drew no citation other than of the claim {claim_id!r}"
        )
    return Evidence(
        Evidence.make_id(claim_id, kind, cited),
        claim_id,
        kind,
        tuple(cited),
        by=draw(_strategy("by", by, _ANALYSTS)),
        at=draw(_strategy("at", at, _INSTANTS)),
        note=draw(st.none() | _STATEMENTS),
    )


def rating_scales() -> SearchStrategy[RatingScale]:
    """
    Draw `RatingScale` values: the built-in scales, and numeric ones.

    .. versionadded:: 0.1.0
    """
    numeric = st.sampled_from([(1, 5), (0, 10), (5, 1), (0, 1)]).map(
        lambda bounds: RatingScale.numeric(*bounds)
    )
    return st.sampled_from(list(_scales.BUILT_IN.values())) | numeric


@st.composite
def verdicts(
    draw: DrawFn,
    *,
    claim: SearchStrategy[str | Claim] | None = None,
    scale: SearchStrategy[RatingScale] | None = None,
    by: SearchStrategy[str | None] | None = None,
    at: SearchStrategy[dt.datetime] | None = None,
) -> Verdict:
    """
    Draw `Verdict` values: a label of a scale, and where it falls.

    The label is one of the scale's own, its rating is the scale's mapping
    of it, and the id is the one `Verdict.make_id` derives.

    Args:
        claim: A strategy for the claim rated, an id or a Claim.
        scale: A strategy for the `RatingScale`; see `rating_scales`.
        by: A strategy for who rated it, or None.
        at: A strategy for when, aware datetimes.

    Raises:
        InvalidArgument: If an option is not a strategy.

    .. versionadded:: 0.1.0
    """
    target = draw(_strategy("claim", claim, _IDS))
    _drawn("claim", target, str, Claim)
    claim_id = target.id if isinstance(target, Claim) else target
    chosen = draw(_strategy("scale", scale, rating_scales()))
    _drawn("scale", chosen, RatingScale)
    label = draw(st.sampled_from(chosen.label_names))
    analyst = draw(_strategy("by", by, _ANALYSTS))
    when = draw(_strategy("at", at, _INSTANTS))
    rationale = draw(st.none() | _STATEMENTS)
    return Verdict(
        Verdict.make_id(
            claim_id, label, chosen.name, analyst, when, rationale=rationale
        ),
        claim_id,
        label,
        chosen.name,
        chosen.rate(label),
        by=analyst,
        at=when,
        rationale=rationale,
    )


@st.composite
def retractions(
    draw: DrawFn,
    *,
    claim: SearchStrategy[str] | None = None,
    by: SearchStrategy[str | None] | None = None,
    at: SearchStrategy[dt.datetime] | None = None,
) -> Retraction:
    """
    Draw `Retraction` values.

    Args:
        claim: A strategy for the id of the claim retracted.
        by: A strategy for who recorded it, or None.
        at: A strategy for when, aware datetimes.

    Raises:
        InvalidArgument: If an option is not a strategy.

    .. versionadded:: 0.1.0
    """
    return draw(
        st.builds(
            Retraction,
            _strategy("claim", claim, _IDS),
            by=_strategy("by", by, _ANALYSTS),
            at=_strategy("at", at, _INSTANTS),
            note=st.none() | _STATEMENTS,
        )
    )


# -- predicates and policies ------------------------------------------------


def tolerances() -> SearchStrategy[Tolerance]:
    """
    Draw `Tolerance` values: absolute, relative, both or exact.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Tolerance,
        absolute=st.sampled_from([0, 1, 5, Decimal("0.5")]),
        relative=st.sampled_from([0, 0.1, Decimal("0.05")]),
    )


@st.composite
def predicates(
    draw: DrawFn, *, name: SearchStrategy[str] | None = None
) -> Predicate:
    """
    Draw valid `Predicate` declarations.

    A declaration may be single-valued, name an inverse or a negated form
    (different from the predicate and from each other), and carry a
    `Tolerance` for numbers.

    Args:
        name: A strategy for the predicate's name.

    Raises:
        InvalidArgument: If *name* is not a strategy.

    .. versionadded:: 0.1.0
    """
    predicate = draw(_strategy("name", name, _PREDICATES))
    _drawn("name", predicate, str)
    others = [
        name
        for name in ("employs", "employed_by", "rejects", "denies", "stays")
        if predicate_key(name) != predicate_key(predicate)
    ]
    inverse = draw(st.none() | st.sampled_from(others))
    negation = draw(
        st.none() | st.sampled_from([n for n in others if n != inverse])
    )
    return Predicate(
        predicate,
        single_valued=draw(st.booleans()),
        inverse=inverse,
        negation=negation,
        tolerance=draw(st.none() | tolerances()),
    )


def policies() -> SearchStrategy[Policy]:
    """
    Draw `Policy` values: how many lineages corroborate a claim.

    .. versionadded:: 0.1.0
    """
    return st.builds(Policy, min_sources=st.integers(1, 4))
