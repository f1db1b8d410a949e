"""
Tests for claimtrack.validators, used in a user's own attrs class.
"""

import re
from decimal import Decimal

import attrs
import pytest

import claimtrack as ct
from claimtrack import validators as v


@attrs.frozen
class Record:
    """
    A user's own attrs class using claimtrack's validators.
    """

    name: str = attrs.field(validator=v.non_empty_str())
    count: int = attrs.field(default=0, validator=v.non_negative_int())
    score: float = attrs.field(default=0.0, validator=v.finite_number())
    tags: tuple[str, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.max_len(5))
    )
    lang: str | None = attrs.field(
        default=None,
        validator=v.optional(v.matches_re(r"[a-z]{2}", "a two-letter code")),
    )
    kind: object = attrs.field(default=1, validator=v.instance_of(int, str))
    stance: object = attrs.field(
        default=ct.Stance.SUPPORTS, validator=v.member_of(ct.Stance)
    )
    home: object = attrs.field(
        default="https://example.org", validator=v.http_url()
    )


class TestValidators:
    """
    Each validator accepts good values and names the field for bad ones.
    """

    def test_good(self):
        """
        Valid values pass.
        """
        r = Record("x", 1, Decimal("2.5"), ("ab",), "en", "k")

        assert "x" == r.name

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"name": ""}, ct.InvalidValueError, "name"),
            ({"name": 1}, ct.InvalidTypeError, "name"),
            ({"count": -1}, ct.InvalidValueError, "count"),
            ({"count": True}, ct.InvalidTypeError, "count"),
            ({"score": float("inf")}, ct.InvalidValueError, "score"),
            ({"score": "1"}, ct.InvalidTypeError, "score"),
            ({"tags": ("abcdef",)}, ct.InvalidValueError, "tags[0]"),
            ({"tags": ["a"]}, ct.InvalidTypeError, "tags"),
            ({"lang": "eng"}, ct.InvalidValueError, "lang"),
            ({"kind": 1.5}, ct.InvalidTypeError, "kind"),
            ({"stance": "maybe"}, ct.InvalidValueError, "stance"),
            ({"home": "ftp://x.example"}, ct.InvalidValueError, "home"),
            ({"home": 3}, ct.InvalidTypeError, "home"),
        ],
    )
    def test_bad(self, kwargs, error, field):
        """
        A bad value raises the expected class naming the field.
        """
        with pytest.raises(error) as e:
            Record(**({"name": "x"} | kwargs))

        assert field == e.value.field

    @pytest.mark.parametrize(
        "validator",
        [
            v.non_empty_str(),
            v.non_negative_int(),
            v.finite_number(),
            v.tuple_of(v.max_len(5)),
            v.optional(v.instance_of(int)),
            v.matches_re("a+", "some a's"),
            v.instance_of(int, str),
            v.member_of(ct.Stance),
            v.http_url(),
        ],
    )
    def test_repr(self, validator):
        """
        Every validator has a readable repr.
        """
        assert re.fullmatch(r"<\w+ validator.*>", repr(validator))
