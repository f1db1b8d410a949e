"""
The public names are exactly what claimtrack.__all__ says.
"""

import ast
import importlib
import json
import subprocess
import sys
import types

import pytest

import claimtrack as ct
from claimtrack import exceptions, validators


CONTRACT = {
    "Tracker",
    "Source",
    "Actor",
    "Claim",
    "Proposition",
    "Span",
    "When",
    "Stance",
    "Status",
    "Evidence",
    "Contradiction",
    "Verdict",
    "ClaimtrackError",
    "Statement",
    "find_statements",
}
"""The names the product design promises at the top level."""

KINDS = {
    "ActorKind",
    "Polarity",
    "Quantity",
    "Precision",
    "ContradictionKind",
    "Policy",
    "Predicate",
    "Tolerance",
    "StatementKind",
}
"""The values that building the contract's names takes."""

MODULES = (
    "anchoring",
    "cli",
    "events",
    "evidence",
    "exceptions",
    "formats",
    "journals",
    "reports",
    "scales",
    "statements",
    "strategies",
    "validators",
)
"""The public modules: attributes of the package, imported when first used,
and not in __all__ (claimtrack.strategies needs the optional Hypothesis, so
`from claimtrack import *` must not import it)."""

MOVED = {
    "anchoring": {
        "AnchorKind",
        "Anchoring",
        "Reanchored",
        "Revision",
        "reanchor",
    },
    "events": {"Event", "EventKind"},
    "evidence": {
        "Citation",
        "Evidence",
        "Lineage",
        "Policy",
        "Retraction",
        "SetAside",
        "Stance",
        "Status",
        "Support",
        "Verdict",
    },
    "journals": {
        "Journal",
        "MemoryJournal",
        "PostgresJournal",
        "SqliteJournal",
    },
    "scales": {"Rating", "RatingScale"},
}
"""What each module that re-exports a part of the model holds, at least."""

NOT_LOADED = (
    "claimtrack.cli",
    "claimtrack._cli",
    "claimtrack.formats",
    "claimtrack.reports",
    "claimtrack._reports",
    "claimtrack._charts",
    "claimtrack.strategies",
    "claimtrack._records",
    "claimtrack._serialize",
    "claimtrack._journals._sqlite",
    "claimtrack.journals",
    "sqlite3",
    "hypothesis",
    "pandas",
)
"""Modules `import claimtrack` leaves alone (nor anything under them)."""


def isort_key(name: str) -> tuple[int, str]:
    """
    Sort constants first, then classes, then the rest, as ruff does.
    """
    if name.isupper():
        return 0, name
    return (1 if name[0].isupper() else 2), name


class TestExports:
    """
    Public modules export what they list, sorted, and nothing private.
    """

    def test_all_is_sorted_and_complete(self):
        """
        __all__ is sorted and names every public attribute but the modules.
        """
        public = {
            name
            for name, value in vars(ct).items()
            if not name.startswith("_")
            and not isinstance(value, types.ModuleType)
        }

        lazy = {name for name in ct.__all__ if name not in vars(ct)}

        assert sorted(ct.__all__, key=isort_key) == ct.__all__
        assert {"find_statements"} == lazy  # its rules load when used
        assert public | lazy == set(ct.__all__)

    def test_all_is_the_contract(self):
        """
        The top level holds the design's names, the values they are built
        from, and every error; nothing else.
        """
        assert CONTRACT | KINDS | set(exceptions.__all__) == set(ct.__all__)

    def test_all_is_importable(self):
        """
        Each name of __all__ imports, and `import *` gives exactly them.
        """
        code = (
            "import json\n"
            "from claimtrack import *\n"
            "print(json.dumps(sorted(k for k in dir() if k[0] != '_')))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )

        assert sorted({"json", *ct.__all__}) == json.loads(out.stdout)

    @pytest.mark.parametrize("name", MODULES)
    def test_module_exports(self, name):
        """
        Each public module has a docstring and lists what it exports,
        sorted, each name there and none private.
        """
        module = importlib.import_module(f"claimtrack.{name}")

        assert module.__doc__
        assert sorted(module.__all__, key=isort_key) == module.__all__
        assert all(not n.startswith("_") for n in module.__all__)
        assert all(hasattr(module, n) for n in module.__all__)

    @pytest.mark.parametrize("name", MODULES)
    def test_module_imported_when_first_used(self, name, monkeypatch):
        """
        ct.<module> is the module, imported the first time it is used.
        """
        module = importlib.import_module(f"claimtrack.{name}")
        monkeypatch.delattr(ct, name)  # as before the first use

        assert module is getattr(ct, name)
        assert name not in ct.__all__

    @pytest.mark.parametrize("name", sorted(MOVED))
    def test_moved_names(self, name):
        """
        The names that left the top level are in their modules: the same
        objects, and not at the top unless part of the contract.
        """
        module = importlib.import_module(f"claimtrack.{name}")

        assert MOVED[name] <= set(module.__all__)
        for n in MOVED[name]:
            assert getattr(ct, n, None) in (None, getattr(module, n))
            assert (n in ct.__all__) == (n in CONTRACT | KINDS)

    def test_import_is_light(self):
        """
        Importing claimtrack loads neither the command line, the formats,
        the reports nor the optional packages.
        """
        code = "import claimtrack, sys; print(sorted(sys.modules))"
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )
        loaded = ast.literal_eval(out.stdout)

        assert "claimtrack" in loaded
        assert [] == [
            m
            for m in loaded
            if any(m == n or m.startswith(f"{n}.") for n in NOT_LOADED)
        ]

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

    def test_strategies_module(self):
        """
        claimtrack.strategies lists its strategies, sorted.
        """
        from claimtrack import strategies  # noqa: PLC0415

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
