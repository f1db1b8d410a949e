"""
The fast paths give what the checked paths give, and no user input
reaches a path that does not check it.
"""

import datetime as dt
import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct


def old_make_id(text, speaker, *, said=None, source=None, span=None):
    """
    `Claim.make_id` as it was first written, through json.dumps.
    """
    identity = [
        " ".join(text.split()),
        speaker,
        said.isoformat() if said is not None else None,
        source,
        [span.start, span.end] if span is not None else None,
    ]
    digest = hashlib.sha256(
        json.dumps(identity, ensure_ascii=False).encode()
    ).hexdigest()
    return f"claim-{digest[:16]}"


texts = st.text(min_size=1)


@given(
    text=texts,
    speaker=texts,
    said=st.none() | st.dates().map(ct.When.day),
    source=st.none() | texts,
    offsets=st.none() | st.tuples(st.integers(0, 10**6), st.integers(1, 99)),
)
def test_claim_ids_never_change(text, speaker, said, source, offsets):
    """
    A claim's id is the one json.dumps gave, for any text at all.
    """
    span = None
    if offsets is not None:
        start, length = offsets
        span = ct.Span(start, start + length, "x" * length)
    assert old_make_id(
        text, speaker, said=said, source=source, span=span
    ) == ct.Claim.make_id(text, speaker, said=said, source=source, span=span)


def test_claim_id_known():
    """
    A claim's id is the one it has always had.
    """
    assert "claim-" + hashlib.sha256(
        '["Bukele offered", "bukele", "2025-02-03", null, null]'.encode()
    ).hexdigest()[:16] == ct.Claim.make_id(
        "Bukele  offered", "bukele", said=ct.When.day(dt.date(2025, 2, 3))
    )
