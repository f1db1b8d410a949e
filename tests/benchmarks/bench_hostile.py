"""
Benchmark: what hostile input costs, against reading the same text once.

Input made to cost seconds (a date of a megabyte, JSON with runs of
escapes, quotes left open, deep nesting, text that repeats a reporting
phrase thousands of times) must be refused or read at a cost that grows
with its length, not with its square. Each row times claimtrack on one
such input and, in the same run, a floor on the same text: one pass of a
plain regular expression over it. The ratio should stay flat as the
input grows (``--scale``); a cost that grew with the square of the length
would multiply it by the scale.

    python tests/benchmarks/bench_hostile.py               # 1 MB inputs
    python tests/benchmarks/bench_hostile.py --scale 0.05  # smoke

docs/reliability.md quotes its numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
import time
from typing import TYPE_CHECKING

import claimtrack as ct
from claimtrack._serialize import parse_json
from claimtrack._statements import find


if TYPE_CHECKING:
    from collections.abc import Callable


_FLOOR = re.compile(r"[\"\[\]{}:,]|\w+")


def best(call: Callable[[], object], repeat: int) -> float:
    """
    The fastest of *repeat* runs of *call*, in seconds; errors ignored.
    """
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(ct.ClaimtrackError):
            call()
        times.append(time.perf_counter() - start)
    return min(times)


def inputs(scale: float) -> list[tuple[str, str, Callable[[str], object]]]:
    """
    Each hostile input: its name, its text, and what claimtrack does with
    it.
    """
    mb = max(1000, int(1_000_000 * scale))
    k = max(100, int(5_000 * scale))

    def published(text: str) -> object:
        return ct.Source("s", published=text)

    def said(text: str) -> object:
        return ct.When.parse(text, reference=dt.date(2025, 2, 4))

    return [
        ("date: digits", "2025-02-04T" + "9" * mb, published),
        ("date: month names", "February " * (mb // 9), published),
        ("date: 200 digits, within the limit", "1" * 200, said),
        ("date: 22 month names, within the limit", "February " * 22, said),
        (
            "JSON: escapes in an open string",
            '["' + '\\"' * (mb // 2),
            parse_json,
        ),
        ("JSON: quotes after deep nesting", "[" * 201 + '"' * mb, parse_json),
        (
            "JSON: digits after deep nesting",
            "[" * 201 + "1" * mb + ".",
            parse_json,
        ),
        ("JSON: nested 20,000 deep", "[" * 20_000 + "]" * 20_000, parse_json),
        ("statements: quotations", '"a b" ' * k, find),
        ("statements: according to", "according to " * k, find),
        (
            "statements: participles",
            "The union rejected it, saying " * (k * 2 // 5),
            find,
        ),
        (
            "statements: people",
            "".join(
                f"Ann{i} Lee{i}, 54, met them. " for i in range(k * 2 // 5)
            ),
            find,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """
    Time each hostile input against the floor and print the table.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    print(
        f"{'input':<42} {'chars':>10} {'claimtrack':>11} {'floor':>9} "
        f"{'ratio':>7}"
    )
    for name, text, call in inputs(args.scale):
        took = best(lambda text=text, call=call: call(text), args.repeat)
        floor = best(lambda text=text: _FLOOR.findall(text), args.repeat)
        print(
            f"{name:<42} {len(text):>10,} {took * 1000:>9.2f}ms "
            f"{floor * 1000:>7.2f}ms {took / floor:>7.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
