"""
Tests for the error classes.
"""

import pickle

import pytest

import claimtrack as ct
from claimtrack import exceptions


ALL_ERRORS = [getattr(exceptions, name) for name in exceptions.__all__]


class TestTree:
    """
    Every error is a ClaimtrackError and the builtin a caller expects.
    """

    @pytest.mark.parametrize("cls", ALL_ERRORS, ids=lambda c: c.__name__)
    def test_root(self, cls):
        """
        Every error class derives from ClaimtrackError.
        """
        assert issubclass(cls, ct.ClaimtrackError)

    @pytest.mark.parametrize(
        ("cls", "builtin"),
        [
            (ct.InvalidValueError, ValueError),
            (ct.InvalidDateError, ValueError),
            (ct.SpanMismatchError, ValueError),
            (ct.AmbiguousActorError, ValueError),
            (ct.InvalidTypeError, TypeError),
            (ct.NotFoundError, KeyError),
            (ct.UnknownClaimError, LookupError),
            (ct.DuplicateIdError, ValueError),
            (ct.InvalidFieldsError, ValueError),
            (ct.InvalidFieldsError, ExceptionGroup),
            (ct.AmbiguousDateError, ct.AmbiguityError),
            (ct.AmbiguousDateError, ct.InvalidDateError),
        ],
    )
    def test_builtin(self, cls, builtin):
        """
        Each error also inherits its matching builtin.
        """
        assert issubclass(cls, builtin)

    def test_tree_documented(self):
        """
        The module docstring's tree names every error class.
        """
        for cls in ALL_ERRORS:
            assert cls.__name__ in exceptions.__doc__


class TestMessages:
    """
    Errors name the field and the value.
    """

    def test_str(self):
        """
        The message is field=value: reason.
        """
        e = ct.InvalidValueError("said", "Mondy", "is not a date")

        assert "said='Mondy': is not a date" == str(e)
        assert ("said", "Mondy", "is not a date") == (
            e.field,
            e.value,
            e.reason,
        )

    def test_key_error_str(self):
        """
        A KeyError subclass reads like the others, not as a quoted repr.
        """
        e = ct.UnknownActorError("speaker", "Trump", "no actor has this id")

        assert "speaker='Trump': no actor has this id" == str(e)

    def test_long_value_shortened(self):
        """
        A huge value is shortened in the message, kept whole on the error.
        """
        e = ct.InvalidValueError("text", "x" * 500, "bad")

        assert len(str(e)) < 100
        assert 500 == len(e.value)

    @pytest.mark.parametrize(
        "error",
        [
            ct.InvalidValueError("f", 1, "r"),
            ct.UnknownSourceError("source", "s", "r"),
            ct.AmbiguousQuoteError("quote", "q", "r", [1, 2]),
            ct.InvalidFieldsError(
                "Claim",
                [
                    ct.InvalidValueError("a", 1, "r"),
                    ct.InvalidTypeError("b", 2, "r"),
                ],
            ),
        ],
        ids=lambda e: type(e).__name__,
    )
    def test_pickle(self, error):
        """
        Errors survive pickling (for multiprocessing users) intact.
        """
        copy = pickle.loads(pickle.dumps(error))

        assert (type(error), str(error)) == (type(copy), str(copy))
        assert getattr(error, "candidates", None) == getattr(
            copy, "candidates", None
        )


class TestGroup:
    """
    InvalidFieldsError holds each field's error.
    """

    @pytest.fixture(name="group")
    def _group(self):
        return ct.InvalidFieldsError(
            "Claim",
            [
                ct.InvalidValueError("text", " ", "must not be blank"),
                ct.InvalidTypeError("speaker", 3, "must be str"),
            ],
        )

    def test_fields(self, group):
        """
        field lists every failed field; the message lists every reason.
        """
        assert "text, speaker" == group.field
        assert "Claim" == group.value
        assert "must be str" in str(group)

    def test_except_star(self, group):
        """
        except* picks the type errors out of the group.
        """
        caught = []
        try:
            raise group
        except* TypeError as eg:
            caught.extend(e.field for e in eg.exceptions)
        except* ValueError:
            pass

        assert ["speaker"] == caught

    def test_split_keeps_class(self, group):
        """
        Splitting a group gives groups of the same class.
        """
        types, rest = group.split(TypeError)

        assert isinstance(types, ct.InvalidFieldsError)
        assert isinstance(rest, ct.InvalidFieldsError)
