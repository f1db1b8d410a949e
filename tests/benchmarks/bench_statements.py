"""
Benchmark: how well and how fast the statement finder reads news.

It runs `claimtrack._statements.find` over the attributed-quote corpus
(``../shared/corpora/quotes``, or ``$CLAIMTRACK_CORPORA/quotes``), writes
its statements in the corpus scorer's format, and prints the scorer's
table, loading ``score.py`` from the corpus. A plain rule (a quotation
mark pair with "said" in its sentence) runs on the same articles as a
floor, for quality and for speed:

    python tests/benchmarks/bench_statements.py              # every article
    python tests/benchmarks/bench_statements.py --limit 5    # smoke

It exits 0 with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack._statements import find


if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType


ROOT = Path(__file__).resolve().parents[2]
Prediction = list[dict[str, object]]


def corpus_dir() -> Path:
    """
    Where the quotes corpus is: ``$CLAIMTRACK_CORPORA/quotes`` or beside
    the checkout.
    """
    base = os.environ.get("CLAIMTRACK_CORPORA")
    corpora = Path(base) if base else ROOT.parent / "shared" / "corpora"
    return corpora / "quotes"


def load_scorer(folder: Path) -> ModuleType:
    """
    Import the corpus's own scorer from its folder.
    """
    spec = importlib.util.spec_from_file_location(
        "quotes_score", folder / "score.py"
    )
    if spec is None or spec.loader is None:  # pragma: no cover - a file
        raise ImportError(folder / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def finder(text: str) -> Prediction:
    """
    The finder's statements, as the scorer reads them.
    """
    return [
        {"start": f.start, "end": f.end, "speaker": f.speaker}
        for f in find(text)
    ]


_QUOTE = re.compile(
    r"[\"\u201c\u201d]([^\"\u201c\u201d\n]{3,})[\"\u201c\u201d]"
)
_SAID = re.compile(
    r"(?:([A-Z][\w'-]*(?: [A-Z][\w'-]*)*|he|she|they) (?:said|says)\b"
    r"|(?:said|says) ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*))"
)


def plain(text: str) -> Prediction:
    """
    The floor: every quotation is a statement, given to the capitalised
    words or pronoun next to "said" or "says" in its sentence, if any.
    """
    found: Prediction = []
    for match in _QUOTE.finditer(text):
        start = text.rfind(".", 0, match.start()) + 1
        stop = text.find(".", match.end())
        sentence = text[start : stop if stop >= 0 else len(text)]
        said = _SAID.search(sentence)
        speaker = (said.group(1) or said.group(2)) if said else ""
        found.append(
            {"start": match.start(), "end": match.end(), "speaker": speaker}
        )
    return found


def run(
    articles: list[dict[str, object]], rule: Callable[[str], Prediction]
) -> tuple[list[dict[str, object]], float]:
    """
    Run *rule* over *articles*; return its predictions and the seconds.
    """
    began = time.perf_counter()
    predictions = [
        {"id": a["id"], "quotes": rule(str(a["text"]))} for a in articles
    ]
    return predictions, time.perf_counter() - began


def score(
    scorer: ModuleType,
    gold: list[dict[str, object]],
    predictions: list[dict[str, object]],
) -> str:
    """
    The scorer's table for *predictions*, as it prints it.
    """
    with tempfile.TemporaryDirectory() as folder:
        gold_path = Path(folder) / "gold.jsonl"
        pred_path = Path(folder) / "pred.jsonl"
        gold_path.write_text(
            "".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8"
        )
        pred_path.write_text(
            "".join(json.dumps(p) + "\n" for p in predictions),
            encoding="utf-8",
        )
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scorer.main([str(gold_path), str(pred_path)])
    return out.getvalue()


def main(argv: list[str]) -> int:
    """
    Score and time the finder and the floor; print both tables.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--limit", type=int, default=0, help="articles")
    args = parser.parse_args(argv)
    folder = corpus_dir()
    if not (folder / "dev.jsonl").is_file():
        print(f"skipped: no quotes corpus at {folder}")
        return 0
    lines = (folder / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    if args.limit:
        gold = gold[: args.limit]
    scorer = load_scorer(folder)
    words = sum(len(str(a["text"]).split()) for a in gold)
    print(f"{len(gold)} articles, {words:,} words\n")
    for name, rule in (("finder", finder), ("floor (quote + said)", plain)):
        predictions, seconds = run(gold, rule)
        print(f"== {name}")
        print(score(scorer, gold, predictions), end="")
        print(
            f"speed: {words / seconds:,.0f} words/s, "
            f"{len(gold) / seconds:,.1f} articles/s on one core\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
