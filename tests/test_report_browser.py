"""
The seed article's report, opened in a real browser (headless Chromium).

The browser reads the page, draws it and takes a screenshot; the test
checks that the page's DOM holds the timeline and the graph with their
marks, and that the screenshot shows them drawn. Without Chromium the tests
are skipped, except in CI (``CI`` set), where ``.ci/run`` installs it and
its absence is a failure.
"""

import os
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack import reports

from .test_cli import SEED_SESSION, shell


ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "report" / "el_salvador.html"
WIDTH, HEIGHT = 1200, 1200
GREEN = (0x15, 0x80, 0x3D)  # corroborated
ORANGE = (0xC2, 0x41, 0x0C)  # disputed, and contradiction lines
BLUE = (0xDB, 0xEA, 0xFE)  # a direct quotation's mark
YELLOW = (0xFE, 0xF3, 0xC7)  # reported speech's mark


@pytest.fixture(name="chromium", scope="module")
def _chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    return found


def browse(chromium, tmp_path, *options, page=REPORT, height=HEIGHT):
    """
    Open *page*, the seed report by default, in headless Chromium, in a
    window *height* pixels high.
    """
    done = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--window-size={WIDTH},{height}",
            *options,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert 0 == done.returncode, done.stderr
    return done.stdout


class Dom(HTMLParser):
    """
    The elements of a page: tag, attributes, and the SVG each is in.
    """

    def __init__(self, text):
        super().__init__()
        self.elements = []
        self.svg = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        """
        Keep the element, and note which SVG it is drawn in.
        """
        attributes = dict(attrs)
        self.elements.append(
            (tag, attributes, self.svg[-1] if self.svg else None)
        )
        if tag == "svg":
            self.svg.append(attributes.get("class"))

    def handle_endtag(self, tag):
        """
        Leave an SVG.
        """
        if tag == "svg":
            self.svg.pop()

    def within(self, svg, cls):
        """
        The attributes of the elements of class *cls* inside *svg*.
        """
        return [
            a
            for _, a, s in self.elements
            if s == svg and a.get("class") == cls
        ]


def decode_png(data):
    """
    Decode an 8-bit RGB or RGBA PNG into its size and rows of pixels.
    """
    assert b"\x89PNG\r\n\x1a\n" == data[:8]
    at, chunks, head = 8, [], None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        at += 12 + length
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour, _, _, interlace = head
    assert (8, 0) == (depth, interlace)
    step = {2: 3, 6: 4}[colour]
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    rows, above = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 2:  # "up", the commonest: add the row above
            line = bytearray(
                (a + b) & 255 for a, b in zip(line, above, strict=True)
            )
            kind = 0
        for i in range(stride) if kind else ():
            left = line[i - step] if i >= step else 0
            corner = above[i - step] if i >= step else 0
            if kind == 1:
                guess = left
            elif kind == 2:
                guess = above[i]
            elif kind == 3:
                guess = (left + above[i]) >> 1
            else:
                p = left + above[i] - corner
                guess = min(
                    (abs(p - left), 0, left),
                    (abs(p - above[i]), 1, above[i]),
                    (abs(p - corner), 2, corner),
                )[2]
            line[i] = (line[i] + guess) & 255
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, step)])
        above = line
    return width, height, rows


def bands(rows, colour, tolerance=24):
    """
    The runs of rows that hold pixels of *colour*, as (first, last) rows.
    """
    near = [range(c - tolerance, c + tolerance + 1) for c in colour]
    hits = [
        y
        for y, row in enumerate(rows)
        if any(
            r in near[0] and g in near[1] and b in near[2] for r, g, b in row
        )
    ]
    found = []
    for y in hits:
        if found and y - found[-1][1] <= 40:
            found[-1][1] = y
        else:
            found.append([y, y])
    return [tuple(b) for b in found]


class TestInChromium:
    """
    The report as a browser shows it: the timeline, the graph, the tables.
    """

    def test_dom_has_both_pictures(self, chromium, tmp_path):
        """
        The browser's DOM holds the timeline and the graph, with marks.
        """
        dom = Dom(browse(chromium, tmp_path, "--dump-dom"))
        svgs = [a.get("class") for t, a, _ in dom.elements if t == "svg"]

        assert ["timeline", "graph"] == svgs[:2]
        marks = dom.within("timeline", "claim-mark")
        assert 9 == len(marks)
        assert {"day": 7, "range": 2} == {
            p: sum(1 for m in marks if m["data-precision"] == p)
            for p in ("day", "range")
        }
        assert 4 == len(dom.within("timeline", "speaker"))
        assert 9 == len(dom.within("graph", "node"))
        assert ["supports", "contradicts"] == [
            e["data-relation"] for e in dom.within("graph", "edge")
        ]
        drawn = {t for t, _, s in dom.elements if s in ("timeline", "graph")}
        assert {"circle", "polygon", "rect", "path", "text", "line"} <= drawn

    def test_screenshot_shows_them(self, chromium, tmp_path):
        """
        The screenshot is drawn: the marks' colours in two bands of rows.
        """
        shot = tmp_path / "report.png"
        browse(chromium, tmp_path, f"--screenshot={shot}")

        width, height, rows = decode_png(shot.read_bytes())

        assert (WIDTH, HEIGHT) == (width, height)
        inked = sum(1 for row in rows for pixel in row if min(pixel) < 200)
        assert inked > 0.02 * width * height
        # The first claim, corroborated, and the two in conflict, disputed,
        # are marked in the timeline and again in the graph below it.
        for colour in (GREEN, ORANGE):
            found = bands(rows, colour)
            assert len(found) >= 2, found
            assert found[0][1] < HEIGHT / 2 < found[-1][0]


class TestStatements:
    """
    An article with its statements marked, as a browser shows it.
    """

    def test_dom_marks_the_seed_article(self, chromium, tmp_path):
        """
        The seed report's "Statements" section marks every statement found
        in the article, each followed by its speaker.
        """
        dom = Dom(browse(chromium, tmp_path, "--dump-dom"))
        marks = [a for t, a, _ in dom.elements if t == "mark"]
        speakers = [a for t, a, _ in dom.elements if a.get("class") == "who"]

        assert len(marks) >= 6
        assert {"direct", "indirect", "mixed"} <= {m["class"] for m in marks}
        assert len(speakers) >= 6
        assert all(m["id"].startswith("statement-1-") for m in marks)

    def test_screenshot_shows_the_marks(self, chromium, tmp_path):
        """
        A page of one article's statements is drawn with each kind's
        colour.
        """
        made = ct.Tracker()
        made.add_source(
            ct.Source(
                "s",
                text='"We are ready," Ana Ruiz said on Monday.\n\n'
                "Officials said the plan was broad.",
            )
        )
        page = tmp_path / "statements.html"
        page.write_text(
            reports.html(made, statements=ct.find_statements("s", made)),
            encoding="utf-8",
        )
        shot = tmp_path / "statements.png"

        browse(
            chromium, tmp_path, f"--screenshot={shot}", page=page, height=2400
        )

        _, _, rows = decode_png(shot.read_bytes())
        for colour in (BLUE, YELLOW):
            assert bands(rows, colour, tolerance=6), colour


class TestFromTheShell:
    """
    The report the command line writes, as a browser shows it.
    """

    def test_seed_session_report(self, chromium, tmp_path):
        """
        init, add, corroborate, contradictions and report, each a process;
        the page shows the timeline and the graph, and a screenshot is
        drawn.
        """
        for command in [
            *SEED_SESSION,
            ["contradictions", "agreed"],
            ["report", "-o", "seed.html", "--title", "El Salvador"],
        ]:
            done = shell(tmp_path, *command)
            assert 0 == done.returncode, done
        page = tmp_path / "seed.html"
        shot = tmp_path / "seed.png"

        dom = Dom(browse(chromium, tmp_path, "--dump-dom", page=page))
        browse(chromium, tmp_path, f"--screenshot={shot}", page=page)

        svgs = [a.get("class") for t, a, _ in dom.elements if t == "svg"]
        assert ["timeline", "graph"] == svgs[:2]
        assert 3 == len(dom.within("timeline", "claim-mark"))
        assert 3 == len(dom.within("graph", "node"))
        assert {"supports", "contradicts"} == {
            e["data-relation"] for e in dom.within("graph", "edge")
        }
        width, height, rows = decode_png(shot.read_bytes())
        assert (WIDTH, HEIGHT) == (width, height)
        for colour in (GREEN, ORANGE):
            found = bands(rows, colour)
            assert len(found) >= 2, found


class TestCi:
    """
    CI has a browser for these tests.
    """

    def test_ci_installs_chromium_before_the_tests(self):
        """
        .ci/run installs chromium when missing, before it runs the tests.
        """
        ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        install = ci.index(
            "command -v chromium || (apt-get update && apt-get install -y "
            "--no-install-recommends chromium)"
        )

        assert install < ci.index('eval "$TEST_COMMAND"')
