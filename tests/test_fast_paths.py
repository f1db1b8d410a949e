"""
The fast paths give what the checked paths give, and no user input
reaches a path that does not check it.
"""

import datetime as dt
import hashlib
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import strategies
from claimtrack._codec import claim_plain, plain


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
        b'["Bukele offered", "bukele", "2025-02-03", null, null]'
    ).hexdigest()[:16] == ct.Claim.make_id(
        "Bukele  offered", "bukele", said=ct.When.day(dt.date(2025, 2, 3))
    )


def conflicting(tracker):
    """
    Two claims of Rubio's and Bukele's that conflict, in *tracker*.
    """
    tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
    tracker.add_actor(ct.Actor("bukele", "Nayib Bukele"))
    tracker.declare(ct.Predicate("deportees_taken", single_valued=True))
    first = tracker.add_claim(
        "El Salvador takes 300 deportees",
        speaker="rubio",
        said="2025-02-03",
        proposition=ct.Proposition("el-salvador", "deportees_taken", 300),
    )
    second = tracker.add_claim(
        "El Salvador takes 100 deportees",
        speaker="bukele",
        said="2025-02-04",
        proposition=ct.Proposition("el-salvador", "deportees_taken", 100),
    )
    return first, second


def test_reason_written_when_read(tmp_path):
    """
    A contradiction found writes its reason when it is read, the same
    words before and after its tracker is closed, and it equals one made
    with those words.
    """
    tracker = ct.Tracker.open(tmp_path / "t.db")
    first, second = conflicting(tracker)
    tracker.close()
    again = ct.Tracker.open(tmp_path / "t.db")
    found = again.contradictions(first.id)
    again.close()
    [c] = found
    assert (
        "Marco Rubio (2025-02-03) says “El Salvador takes 300 deportees”; "
        "Nayib Bukele (2025-02-04) says “El Salvador takes 100 deportees”: "
        "the deportees taken of el-salvador has one value at a time, and "
        "they give 300 and 100" == c.reason
    )
    made = ct.Contradiction(
        first.id, second.id, ct.ContradictionKind.VALUE_CONFLICT, c.reason
    )
    assert made == c
    assert hash(made) == hash(c)
    assert c.reason in repr(c)


def test_lazy_reason_evolves():
    """
    A contradiction found can be evolved before its reason is read; the
    copy writes the same reason.
    """
    tracker = ct.Tracker()
    first, _ = conflicting(tracker)
    [c] = tracker.contradictions(first.id)
    copy = attrs.evolve(c, note="checked")
    assert "checked" == copy.note
    assert c.reason == copy.reason


def test_lazy_reason_is_not_a_user_input():
    """
    A reason given by a user must be a str.
    """
    with pytest.raises(ct.InvalidValueError) as caught:
        ct.Contradiction("a", "b", "negation", 3)
    assert "reason" == caught.value.field


@given(claim=strategies.claims())
def test_claims_written_as_plain_writes_them(claim):
    """
    A claim is written to a journal as the generic walk writes it.
    """
    assert plain(claim) == claim_plain(claim)


class Name(str):
    """
    A str subclass, as some libraries hand out.
    """

    __slots__ = ()


def test_ids_of_a_str_subclass():
    """
    A claim whose id or subject is a str subclass is indexed and looked
    up as any other: the fast paths test for the library's own lists,
    not for the exact str class.
    """
    tracker = ct.Tracker()
    tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
    first = tracker.add_claim(
        "It is agreed",
        speaker="rubio",
        id=Name("ab"),
        proposition=ct.Proposition(Name("the deal"), "status", "agreed"),
    )
    assert [] == tracker.contradictions(first)
    second = tracker.add_claim(
        "It is not agreed",
        speaker="rubio",
        proposition=ct.Proposition(
            "the deal", "status", "agreed", polarity="denied"
        ),
    )
    assert [second.id] == [c.other for c in tracker.contradictions(first)]
    assert [first.id, second.id] == [
        c.id for c in tracker.claims(subject="the deal")
    ]


def test_the_common_arguments_with_a_wrong_proposition():
    """
    A proposition that is not a `Proposition` leaves the short way, and
    the long way names it.
    """
    tracker = ct.Tracker()
    tracker.add_actor(ct.Actor("rubio", "Marco Rubio"))
    source = tracker.add_source(ct.Source("ap", text="Rubio said it."))
    with pytest.raises(ct.InvalidTypeError) as caught:
        tracker.add_claim(
            "It is agreed",
            speaker="rubio",
            source="ap",
            span=source.span_of("said"),
            proposition=("the deal", "status", "agreed"),
        )
    assert "proposition" == caught.value.field
    assert 0 == len(tracker)


def test_contradictions_compare_with_contradictions_only():
    """
    A contradiction is never equal to what is not one.
    """
    found = ct.Contradiction("a", "b", "negation", "why")
    assert found != ("a", "b", "negation", "why")
    assert found.__eq__("a") is NotImplemented


def test_a_checked_field_says_what_it_checks():
    """
    A field with several checks shows each in its repr.
    """
    check = attrs.fields(ct.Span).prefix.metadata["check"]
    assert "all_of validator" in repr(check)
    assert "max_len validator for 32" in repr(check)
