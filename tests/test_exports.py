"""
The public names are exactly what claimtrack.__all__ says.
"""

import subprocess
import sys

import claimtrack as ct
from claimtrack import exceptions, validators


OPTIONAL = ("strategies",)
"""Modules reachable as attributes that need an optional extra: they are
not in __all__, so that `from claimtrack import *` works without it."""


class TestExports:
    """
    Public modules export what they list, sorted, and nothing private.
    """

    def test_all_is_sorted_and_complete(self):
        """
        __all__ is sorted and names every public attribute.
        """
        public = {
            name
            for name in vars(ct)
            if not name.startswith("_")
            and name != "annotations"
            and name not in OPTIONAL
        }

        assert sorted(ct.__all__) == ct.__all__
        assert public == set(ct.__all__)

    def test_design_names_present(self):
        """
        The names the product design promises for this release exist.
        """
        for name in (
            "Tracker",
            "Source",
            "Actor",
            "Claim",
            "Proposition",
            "Span",
            "When",
            "ClaimtrackError",
        ):
            assert name in ct.__all__

    def test_every_error_exported(self):
        """
        Every error class in claimtrack.exceptions is exported at the top.
        """
        errors = {
            name
            for name, value in vars(exceptions).items()
            if isinstance(value, type)
            and issubclass(value, ct.ClaimtrackError)
        }

        assert errors == set(exceptions.__all__)
        assert errors <= set(ct.__all__)

    def test_validators_module(self):
        """
        claimtrack.validators lists its validators, sorted.
        """
        assert sorted(validators.__all__) == validators.__all__
        assert all(
            callable(getattr(validators, n)) for n in validators.__all__
        )

    def test_strategies_module(self, monkeypatch):
        """
        ct.strategies is claimtrack.strategies, imported when first used.
        """
        from claimtrack import strategies  # noqa: PLC0415

        monkeypatch.delattr(ct, "strategies")  # as before the first use

        assert strategies is ct.strategies
        assert "strategies" not in ct.__all__
        assert sorted(strategies.__all__) == strategies.__all__
        assert all(
            callable(getattr(strategies, n)) for n in strategies.__all__
        )

    def test_star_import_without_hypothesis(self):
        """
        `from claimtrack import *` works when Hypothesis is not installed.
        """
        code = (
            "import sys; sys.modules['hypothesis'] = None\n"
            "from claimtrack import *\n"
            "print(Tracker.__name__)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )

        assert "Tracker" == out.stdout.strip()

    def test_version(self):
        """
        __version__ is read from the installed metadata.
        """
        assert ct.__version__.startswith("0.")

    def test_unknown_attribute(self):
        """
        An unknown attribute is still an AttributeError.
        """
        try:
            ct.nothing_here  # noqa: B018
        except AttributeError as e:
            assert "nothing_here" in str(e)
        else:
            raise AssertionError

    def test_import_does_not_load_hypothesis(self):
        """
        Importing claimtrack does not import the optional hypothesis.
        """
        code = "import sys, claimtrack; print('hypothesis' in sys.modules)"
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )

        assert "False" == out.stdout.strip()
