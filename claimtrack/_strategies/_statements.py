"""
Statements: candidates found in a source's text, with spans true to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from claimtrack._models import Actor, Source
from claimtrack._statement import Statement, StatementKind
from claimtrack._strategies._claims import _span_in, actors, sources
from claimtrack._strategies._common import _drawn, _strategy


if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy


_CUES = st.sampled_from(
    ["said", "told reporters", "according to", "posted on X", "warned", ""]
)
_SAID = st.sampled_from(["on Monday", "last week", "in February", "yesterday"])


@st.composite
def statements(
    draw: DrawFn,
    *,
    source: SearchStrategy[Source] | None = None,
    speaker: SearchStrategy[Actor] | None = None,
) -> Statement:
    """
    Draw valid `Statement` values, as `find_statements` could find them.

    The statement's span, and its speaker's and cue's spans when it has
    them, are true to the source's text; its cue and date words are drawn
    from a few real ones, and its confidence from above 0 to 1.

    Args:
        source: A strategy for the sources quoted; each must have text.
        speaker: A strategy for the speakers, `Actor` values.

    Raises:
        InvalidArgument: If an option is not a strategy, or *source* draws
            a source without text.

    .. versionadded:: 0.2.0
    """
    src = draw(_strategy("source", source, sources()))
    _drawn("source", src, Source)
    if not src.text:
        raise InvalidArgument(
            f"source drew {src!r}, which has no text to quote"
        )
    who = draw(_strategy("speaker", speaker, actors()))
    _drawn("speaker", who, Actor)
    return Statement(
        src.id,
        _span_in(draw, src, src.text),
        draw(st.sampled_from(StatementKind)),
        who,
        known=draw(st.booleans()),
        speaker_span=_span_in(draw, src, src.text)
        if draw(st.booleans())
        else None,
        cue=draw(_CUES),
        cue_span=_span_in(draw, src, src.text)
        if draw(st.booleans())
        else None,
        said=draw(st.none() | _SAID),
        confidence=draw(st.floats(min_value=0, max_value=1, exclude_min=True)),
    )
