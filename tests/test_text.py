"""
Tests for the normal forms used to match names and search text.
"""

from hypothesis import given
from hypothesis import strategies as st

from claimtrack._text import _fold_unicode, _name_key_unicode, fold, name_key


class TestFold:
    """
    fold ignores case, accents, quote style and whitespace runs.
    """

    def test_examples(self):
        """
        Accents, case, curly quotes and spacing fold away.
        """
        assert 'nayib bukele "x" it\'s' == fold(" Nayib  BUKELÉ “x” it’s\n")

    def test_scripts_kept(self):
        """
        Devanagari vowel signs and Arabic letters are not stripped.
        """
        assert "रोहन नाशिककर" == fold("रोहन नाशिककर")
        assert "كلام" == fold("كلام")

    @given(st.text())
    def test_idempotent(self, text):
        """
        Folding twice is folding once.
        """
        assert fold(text) == fold(fold(text))

    @given(st.text(st.characters(codec="latin-1")))
    def test_case_insensitive(self, text):
        """
        Latin text folds the same in upper, lower and mixed case.
        """
        assert fold(text) == fold(text.upper()) == fold(text.lower())


class TestNameKey:
    """
    name_key also ignores punctuation.
    """

    def test_examples(self):
        """
        Dots vanish and hyphens separate words.
        """
        assert "us secretary general" == name_key("U.S. Secretary-General")
        assert "rohan नाशिककर" == name_key('"Rohan नाशिककर"')

    @given(st.text())
    def test_idempotent(self, text):
        """
        A key is its own key.
        """
        assert name_key(text) == name_key(name_key(text))


class TestFastPath:
    """
    The ASCII fast path gives what the general path gives.
    """

    @given(st.text(st.characters(codec="ascii")))
    def test_same_as_general_path(self, text):
        """
        ASCII text folds and keys exactly as through Unicode rules.
        """
        assert _fold_unicode(text) == fold(text)
        assert _name_key_unicode(text) == name_key(text)
