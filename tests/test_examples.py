"""
The worked example runs and models the seed article as documented.
"""

import datetime as dt
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack as ct


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def load(path):
    """
    Import an example script as a module, without running its main().
    """
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(name="el_salvador", scope="module")
def _el_salvador():
    module = load(ROOT / "examples" / "el_salvador.py")
    return module, module.build(module.SEED.read_text(encoding="utf-8"))


class TestExamples:
    """
    Every script in examples/ runs cleanly.
    """

    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
    def test_runs(self, path):
        """
        The script exits 0 and prints something.
        """
        done = subprocess.run(
            [sys.executable, str(path)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )

        assert (0, "") == (done.returncode, done.stderr)
        assert done.stdout.strip()


class TestElSalvador:
    """
    The seed article's claims, as the worked example models them.
    """

    def test_every_attributed_statement(self, el_salvador):
        """
        Each attributed statement of the article is a claim of its speaker.
        """
        _, tracker = el_salvador

        assert {"rubio": 4, "bukele": 2, "us-officials": 2, "ap": 1} == {
            a.id: len(tracker.claims(speaker=a.id)) for a in tracker.actors()
        }

    def test_monday_is_resolved(self, el_salvador):
        """
        The article's "Monday" is 3 February 2025, words kept.
        """
        _, tracker = el_salvador
        monday = [c for c in tracker if c.said.text == "Monday"]

        assert 6 == len(monday)
        assert {dt.date(2025, 2, 3)} == {c.said.date for c in monday}

    def test_precision_kept(self, el_salvador):
        """
        "early February 2025" stays a range, not a day.
        """
        _, tracker = el_salvador
        floated = tracker.claims(speaker="officials")

        assert {ct.Precision.RANGE} == {c.said.precision for c in floated}
        assert dt.date(2025, 2, 1) == floated[0].said.earliest

    def test_spans_true_to_text(self, el_salvador):
        """
        Every claim's span quotes the article exactly.
        """
        _, tracker = el_salvador
        text = tracker.source("indiatv-2025-02-04").text

        assert all(
            text[c.span.start : c.span.end] == c.span.exact for c in tracker
        )

    def test_subject_by_role(self, el_salvador):
        """
        "President of El Salvador" as a subject resolves to Bukele.
        """
        _, tracker = el_salvador

        assert 2 == len(tracker.claims(subject="Nayib Bukele"))

    def test_report(self, el_salvador):
        """
        The report lists speakers with dates and quoted spans.
        """
        module, tracker = el_salvador
        text = module.report(tracker)

        assert "Marco Rubio, US Secretary of State — 4 claim(s)" in text
        assert "[3 February 2025 (“Monday”)]" in text
        assert "“has agreed to the most unprecedented" in text
        assert "43 migrants" in text
        assert "US officials — 2 claim(s)" in text
