"""
Every code example in README.md and docs/ runs, and prints what it says.

```python blocks are executed; ```pycon blocks are doctests whose output is
compared. A file's blocks run in order, in one namespace, from the project
root (so examples may read ``seeds/``).
"""

import doctest
import importlib
import re
from pathlib import Path

import pytest

import claimtrack as ct

from . import postgres


ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(
    r"^(?P<indent>[ ]*)```(?P<lang>python|pycon)[^\n]*\n"
    r"(?P<body>.*?)^(?P=indent)```",
    re.MULTILINE | re.DOTALL,
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def blocks(page: Path) -> list[tuple[str, int, str]]:
    """
    Return each runnable block of *page*: its language, line and code.
    """
    text = page.read_text(encoding="utf-8")
    return [
        (
            m["lang"],
            text.count("\n", 0, m.start()) + 2,
            "".join(
                line.removeprefix(m["indent"])
                for line in m["body"].splitlines(keepends=True)
            ),
        )
        for m in FENCE.finditer(text)
    ]


class TestDocs:
    """
    The documentation's examples.
    """

    @pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
    def test_examples_run(self, page, monkeypatch):
        """
        Every block of the page runs and every doctest output matches.
        """
        monkeypatch.chdir(ROOT)
        if page.name == "team.md":  # a database of its own, or skip
            monkeypatch.setenv(postgres.VARIABLE, postgres.database())
        namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        parser = doctest.DocTestParser()
        for lang, line, code in blocks(page):
            where = f"{page.relative_to(ROOT)}:{line}"
            if lang == "python":
                exec(compile(code, where, "exec"), namespace)  # noqa: S102
            else:
                test = parser.get_doctest(code, namespace, where, where, line)
                runner.run(test, clear_globs=False)
                namespace.update(test.globs)  # DocTest ran in a copy
        assert 0 == runner.failures

    def test_every_page_has_an_example(self):
        """
        Each docs page teaches by at least one example that is run.
        """
        empty = [
            p.name
            for p in PAGES
            if p.parent.name == "docs"
            # the index and changelog link; performance.md reports a run
            and p.name not in ("index.md", "changelog.md", "performance.md")
            and not blocks(p)
        ]
        assert [] == empty

    def test_api_reference_names_every_public_name(self):
        """
        docs/api.md mentions every name in claimtrack.__all__.
        """
        api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")

        assert [] == [n for n in ct.__all__ if f"`ct.{n}" not in api]

    @pytest.mark.parametrize("module", ["anchoring", "events", "evidence"])
    def test_api_reference_names_every_module_name(self, module):
        """
        docs/api.md documents the modules that re-export the model: the
        module, and each of its names, there or at the top level.
        """
        api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
        names = importlib.import_module(f"claimtrack.{module}").__all__

        assert f"### `ct.{module}`" in api
        assert [] == [
            n
            for n in names
            if f"`ct.{module}.{n}" not in api and f"`ct.{n}`" not in api
        ]

    def test_index_links_every_page(self):
        """
        docs/index.md links every other page of docs/.
        """
        index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")

        assert [] == [
            p.name
            for p in PAGES
            if p.parent.name == "docs"
            and p.name != "index.md"
            and f"({p.name})" not in index
        ]
