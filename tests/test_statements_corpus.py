"""
The statement finder against the hand-annotated quotes corpus.

The corpus sits beside the checkout (``../shared/corpora/quotes``, or
``$CLAIMTRACK_CORPORA/quotes``); the tests skip when it is absent. They
score with the corpus's own ``score.py`` and hold the finder to floors a
little below what it measures, so that a regression fails.
"""

import importlib.util
import json
import os
from pathlib import Path

import pytest

from claimtrack._statements import find


ROOT = Path(__file__).resolve().parent.parent
BASE = os.environ.get("CLAIMTRACK_CORPORA")
CORPUS = (Path(BASE) if BASE else ROOT.parent / "shared" / "corpora") / (
    "quotes"
)
pytestmark = pytest.mark.skipif(
    not (CORPUS / "dev.jsonl").is_file(), reason="no quotes corpus"
)

F1 = 0.88
SPEAKERS = 0.91
INDIRECT = 0.75
DIRECT = 0.90


@pytest.fixture(scope="module")
def gold():
    """
    The corpus's articles, keyed by id.
    """
    lines = (CORPUS / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, filter(None, lines))}


@pytest.fixture(scope="module")
def scorer():
    """
    The corpus's own scorer, imported from its folder.
    """
    spec = importlib.util.spec_from_file_location(
        "quotes_score", CORPUS / "score.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predicted(gold):
    """
    The finder's predictions for every article, in the scorer's form.
    """
    return {
        key: {
            "id": key,
            "quotes": [
                {"start": f.start, "end": f.end, "speaker": f.speaker}
                for f in find(record["text"])
            ],
        }
        for key, record in gold.items()
    }


class TestCorpus:
    """
    Quality on the corpus, by the scorer's default rule (its speed is
    measured in ``tests/benchmarks/bench_statements.py``).
    """

    def test_quotes(self, gold, scorer, predicted):
        """
        Quote F1 and speaker accuracy stay above their floors.
        """
        result = scorer.evaluate(gold, predicted)
        assert result["f1"] >= F1
        assert result["speaker_acc"] >= SPEAKERS

    def test_kinds(self, gold, scorer, predicted):
        """
        Recall of reported and of direct speech stays above its floor.
        """
        kinds = scorer.evaluate(gold, predicted)["by_kind"]
        assert kinds["indirect"]["recall"] >= INDIRECT
        assert kinds["direct"]["recall"] >= DIRECT

    def test_spans_exact(self, gold):
        """
        Every span lies inside its article.
        """
        for record in gold.values():
            text = record["text"]
            for found in find(text):
                assert 0 <= found.start < found.end <= len(text)
