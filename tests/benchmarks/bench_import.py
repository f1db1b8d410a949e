"""
Benchmark: what ``import claimtrack`` costs, against attrs and dateutil.

Each import runs in a fresh interpreter, several times; the table shows
the fastest run of each, less the interpreter's own start, and the ratio
of claimtrack's to that of its two dependencies, which it cannot import
faster than. claimtrack's bytecode is compiled first, as pip compiles an
installed package's (and as attrs' and dateutil's are): an interpreter
told not to write bytecode (``PYTHONDONTWRITEBYTECODE``) would otherwise
compile every module from source on every import. Then it lists which
claimtrack modules the import loads, and checks that the command line, the
formats, the reports, the charts and the optional dependencies are not
among them:

    python tests/benchmarks/bench_import.py              # 20 runs each
    python tests/benchmarks/bench_import.py --runs 3     # smoke

Target (issue 13): ``import claimtrack`` at most 2x
``import attrs, dateutil.parser``.
"""

from __future__ import annotations

import argparse
import compileall
import subprocess
import sys
import time
from pathlib import Path


NOT_LOADED = (
    "claimtrack._cli",
    "claimtrack.formats",
    "claimtrack._reports",
    "claimtrack._charts",
    "claimtrack._records",
    "claimtrack._serialize",
    "claimtrack._journals._sqlite",
    "hypothesis",
    "pandas",
)


def fastest(code: str, runs: int) -> float:
    """
    The fastest wall time of running *code* in a fresh interpreter.
    """
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    """
    Measure and print the table.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    package = Path(__file__).resolve().parents[2] / "claimtrack"
    compileall.compile_dir(package, quiet=1)
    bare = fastest("pass", runs)
    deps = fastest("import attrs, dateutil.parser", runs) - bare
    ours = fastest("import claimtrack", runs) - bare
    print(f"{'import':<32} {'ms':>6}")
    print(f"{'attrs, dateutil.parser':<32} {deps * 1000:>6.1f}")
    print(f"{'claimtrack':<32} {ours * 1000:>6.1f}")
    print(f"ratio {ours / deps:.2f} (target <= 2)")
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import claimtrack, sys; print(' '.join(sorted(sys.modules)))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    mine = [m for m in loaded if m.startswith("claimtrack")]
    wrong = [
        m
        for m in loaded
        if any(m == n or m.startswith(f"{n}.") for n in NOT_LOADED)
    ]
    print(f"claimtrack modules loaded: {len(mine)}; not wanted: {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
