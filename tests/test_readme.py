"""
The README's commands are the ones CI runs.
"""

import re
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


class TestReadme:
    """
    README.md and .ci/run agree.
    """

    def test_ci_runs_the_readme_test_command(self):
        """
        The test command in .ci/run is the README's, word for word.
        """
        command = re.search(r"^TEST_COMMAND='(.+)'$", CI, re.MULTILINE)[1]

        assert f"&& {command}\n" in README

    def test_example_command(self):
        """
        The README's example command installs and runs the worked example.
        """
        assert "pip install -e . && python examples/el_salvador.py\n" in README
        assert (ROOT / "examples" / "el_salvador.py").is_file()

    def test_ci_lints_and_type_checks(self):
        """
        .ci/run runs ruff and mypy --strict after the tests.
        """
        for step in (
            "ruff check",
            "ruff format --check",
            "mypy --strict claimtrack",
        ):
            assert step in CI
