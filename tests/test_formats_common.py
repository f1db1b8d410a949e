"""
Tests for what every importer shares: input, all-or-nothing runs, reports.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.formats import _common


T0 = "2025-02-05T09:00:00+00:00"
ROOT = Path(__file__).resolve().parent.parent
FORMATS = (
    "averitec",
    "claimreview",
    "claimskg",
    "climate_fever",
    "factcheck",
    "fever",
    "liar",
)


def record(n, *, fail=False, fail_late=False):
    """
    A record adding claim *n* by a new actor; it may fail before or after.
    """

    def add(tracker):
        if fail:
            raise ct.InvalidValueError("label", n, "is not a label")
        claim = tracker.add_claim(
            f"claim {n}",
            speaker=ct.Actor(f"a{n}", f"Actor {n}"),
            id=f"c{n}",
            at=T0,
        )
        if fail_late:
            raise ct.UnknownLabelError("label", n, "is not on the scale")
        return [claim.id]

    return _common.Record(f"row {n}", add)


class TestReadText:
    """
    Input within a size limit, as text.
    """

    @pytest.mark.parametrize(
        "data",
        ["héllo", "\ufeffhéllo", "héllo".encode(), "\ufeffhéllo".encode()],
    )
    def test_text_and_bytes(self, data):
        """
        Text is itself; bytes are UTF-8, with or without a byte-order mark.
        """
        assert "héllo" == _common.read_text(data)

    def test_files(self, tmp_path):
        """
        A path and an open file are read.
        """
        path = tmp_path / "in.txt"
        path.write_text("héllo", encoding="utf-8")

        assert "héllo" == _common.read_text(path)
        with path.open("rb") as f:
            assert "héllo" == _common.read_text(f)
        assert "x" == _common.read_text(io.StringIO("x"))

    def test_large_file_refused_unread(self, tmp_path, monkeypatch):
        """
        A file over the limit is refused from its size, before reading.
        """
        path = tmp_path / "big.txt"
        path.write_bytes(b"x" * 11)
        monkeypatch.setattr(
            type(path), "read_bytes", lambda _: pytest.fail("was read")
        )

        with pytest.raises(ct.DocumentTooLargeError) as e:
            _common.read_text(path, max_bytes=10)
        assert ("path", str(path)) == (e.value.field, e.value.value)

    @pytest.mark.parametrize(
        "data", ["é" * 6, b"x" * 11, io.BytesIO(b"x" * 50)]
    )
    def test_large_input_refused(self, data):
        """
        Text, bytes or a stream over the limit is refused.
        """
        with pytest.raises(ct.DocumentTooLargeError) as e:
            _common.read_text(data, max_bytes=10)
        assert "data" == e.value.field

    def test_not_utf8(self):
        """
        Bytes that are not UTF-8 are refused with their line.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            _common.read_text(b"one\ntwo \xff\n")
        assert (2, "line 2") == (e.value.line, e.value.field)

    def test_not_input(self):
        """
        Anything else is an InvalidTypeError.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            _common.read_text(42)
        assert ("data", 42) == (e.value.field, e.value.value)


class TestRun:
    """
    Records go in all together, or a lenient run leaves bad ones out.
    """

    def test_strict_imports_nothing_on_error(self):
        """
        A strict run stops at the first bad record and adds nothing.
        """
        tracker = ct.Tracker()
        with pytest.raises(ct.UnknownLabelError) as e:
            _common.run(
                tracker, "test", [record(0), record(1, fail_late=True)]
            )

        assert "row 1.label" == e.value.field
        assert [] == tracker.events()

    @given(st.lists(st.sampled_from(["ok", "early", "late"]), max_size=8))
    def test_lenient_imports_exactly_the_good(self, kinds):
        """
        A lenient run adds the good records and reports each bad one.
        """
        tracker = ct.Tracker()
        report = _common.run(
            tracker,
            "test",
            [
                record(n, fail=k == "early", fail_late=k == "late")
                for n, k in enumerate(kinds)
            ],
            lenient=True,
        )
        good = [f"c{n}" for n, k in enumerate(kinds) if k == "ok"]

        assert good == [c.id for c in tracker.claims()]
        assert tuple(good) == report.claims
        assert len(kinds) == report.records
        assert 2 * len(good) == report.added
        assert [f"row {n}" for n, k in enumerate(kinds) if k != "ok"] == [
            r.where for r in report.rejected
        ]
        assert report.ok is (len(good) == len(kinds))
        assert all("row" in r.reason for r in report.rejected)

    def test_again_adds_nothing(self):
        """
        Importing the same records again adds no event.
        """
        tracker = ct.Tracker()
        _common.run(tracker, "test", [record(0)])
        report = _common.run(tracker, "test", [record(0)])

        assert (1, 0) == (len(report.claims), report.added)

    def test_unreadable_record(self):
        """
        A record that could not be read is rejected with its error.
        """
        error = ct.InvalidDocumentError("$[1]", None, "is not an object")
        report = _common.run(
            ct.Tracker(),
            "test",
            [record(0), _common.failing("$[1]", error)],
            lenient=True,
        )

        assert ["$[1]"] == [r.where for r in report.rejected]

    def test_input_that_ends_badly(self):
        """
        An error raised by the input itself ends it: strict raises it;
        lenient reports it as the last record.
        """

        def records():
            yield record(0)
            raise ct.InvalidDocumentError("line 2", "{", "is not JSON")

        report = _common.run(ct.Tracker(), "test", records(), lenient=True)
        assert (2, ("record 1",)) == (
            report.records,
            tuple(r.where for r in report.rejected),
        )
        with pytest.raises(ct.InvalidDocumentError):
            _common.run(ct.Tracker(), "test", records())

    def test_flags_are_reported(self):
        """
        Flags are carried into the report.
        """
        flag = _common.Flag("row 0", "bestRating 2.5 is below ratingValue 3")
        report = _common.run(ct.Tracker(), "t", [record(0)], flags=[flag])

        assert (flag,) == report.flags


class TestProgress:
    """
    A run reports how many records it has read, for a progress display.
    """

    @given(
        st.integers(min_value=0, max_value=7),
        st.integers(min_value=1, max_value=3),
    )
    def test_every_n_records_then_the_total(self, count, every):
        """
        Progress is called every PROGRESS_EVERY records, then with the
        total once, never twice with the same count.
        """
        calls = []
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_common, "PROGRESS_EVERY", every)
            report = _common.run(
                ct.Tracker(),
                "test",
                [record(n) for n in range(count)],
                progress=calls.append,
            )
        expected = list(range(every, count + 1, every))
        if not expected or expected[-1] != count:
            expected.append(count)

        assert expected == calls
        assert count == report.records

    def test_lenient_counts_rejected_records(self):
        """
        Rejected records are records read: they count toward progress.
        """
        calls = []
        _common.run(
            ct.Tracker(),
            "test",
            [record(0), record(1, fail=True)],
            lenient=True,
            progress=calls.append,
        )

        assert [2] == calls

    def test_strict_failure_reports_no_total(self):
        """
        A strict run that fails does not report a total.
        """
        calls = []
        with pytest.raises(ct.InvalidValueError):
            _common.run(
                ct.Tracker(),
                "test",
                [record(0), record(1, fail=True)],
                progress=calls.append,
            )

        assert [] == calls

    @pytest.mark.parametrize(
        ("module", "data"),
        [
            (
                "liar",
                "".join(
                    "\t".join(
                        [f"{n}.json", "true", f"Claim {n}.", "", "someone"]
                        + [""] * 3
                        + ["0"] * 5
                        + [""]
                    )
                    + "\n"
                    for n in (1, 2)
                ),
            ),
            (
                "averitec",
                json.dumps(
                    [
                        {
                            "claim": f"Claim {n}.",
                            "label": "Refuted",
                            "claim_date": f"{n}-10-2020",
                            "speaker": "Someone",
                            "questions": [],
                        }
                        for n in (1, 2)
                    ]
                ),
            ),
            (
                "climate_fever",
                "".join(
                    json.dumps(
                        {
                            "claim_id": str(n),
                            "claim": f"Claim {n}.",
                            "claim_label": "SUPPORTS",
                            "evidences": [],
                        }
                    )
                    + "\n"
                    for n in (1, 2)
                ),
            ),
            (
                "fever",
                "".join(
                    json.dumps(
                        {
                            "id": n,
                            "label": "NOT ENOUGH INFO",
                            "claim": f"Claim {n}.",
                            "evidence": [[[n, None, None, None]]],
                        }
                    )
                    + "\n"
                    for n in (1, 2)
                ),
            ),
            (
                "claimreview",
                json.dumps(
                    [
                        {
                            "@type": "Claim",
                            "text": f"Claim {n}.",
                            "author": "Someone",
                            "datePublished": f"2021-07-0{n}",
                        }
                        for n in (1, 2)
                    ]
                ),
            ),
            (
                "factcheck",
                json.dumps(
                    {
                        "claims": [
                            {
                                "text": f"Claim {n}.",
                                "claimant": "Someone",
                                "claimDate": f"2020-12-0{n}T00:00:00Z",
                                "claimReview": [],
                            }
                            for n in (1, 2)
                        ]
                    }
                ),
            ),
            (
                "claimskg",
                ",rating_alternateName,creativeWork_author_name,"
                "claimReview_author_name,claimReview_url,"
                "claimReview_claimReviewed,claimReview_datePublished\r\n"
                + "".join(
                    f"{n},False,Someone,checks,https://checks.example/{n},"
                    f"Claim {n}.,2021-07-1{n}\r\n"
                    for n in (1, 2)
                ),
            ),
        ],
    )
    def test_every_reader_passes_it_on(self, module, data):
        """
        Each format's read() passes progress to the run: it hears the total.
        """
        calls = []
        reader = getattr(ct.formats, module)

        report = reader.read(ct.Tracker(), data, progress=calls.append)

        assert [2] == calls
        assert 2 == report.records


class TestFields:
    """
    Small readers of record fields.
    """

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (None, None),
            ("  x ", "x"),
            ("   ", None),
            (True, None),
            (2.5, "2.5"),
            (3, "3"),
            ([1], None),
        ],
    )
    def test_text_of(self, value, expected):
        """
        A scalar's text, stripped; None for nothing or a non-scalar.
        """
        assert expected == _common.text_of(value)

    def test_first(self):
        """
        The first key with a value that is not empty.
        """
        data = {"a": "", "b": [], "c": "x", "d": "y"}

        assert "x" == _common.first(data, "a", "b", "c", "d")
        assert _common.first(data, "a", "z") is None


class TestHasKeys:
    """
    Keys in double quotes, as JSON writes them.
    """

    def test_has_keys(self):
        """
        Every key must be there, quoted; a quoted value counts too.
        """
        head = '{"claim": "x", "label": "evidence"}'

        assert _common.has_keys(head, "claim", "label", "evidence")
        assert not _common.has_keys(head, "claim", "x ")
        assert not _common.has_keys('{"claims": []}', "claim")


class TestDetects:
    """
    Each format tells its own files, from their beginning and name.
    """

    @pytest.mark.parametrize(
        ("module", "head", "suffix", "expected"),
        [
            ("claimreview", "", ".htm", True),
            ("claimreview", "  <html>", ".txt", True),
            ("claimreview", '[{"@type": "ClaimReview"}]', ".json", True),
            ("claimreview", '[{"type": "ClaimReview"}]', ".json", False),
            ("liar", "", ".tsv", True),
            ("liar", "\t" * 13 + "\nmore", ".txt", True),
            ("liar", "\t" * 12 + "\n" + "\t" * 13, ".txt", False),
            ("claimskg", "", ".csv", True),
            ("claimskg", "a,b\n", ".txt", False),
            ("factcheck", '"claims" "claimReview" "textualRating"', "", True),
            ("factcheck", '{"claims": [{"claimReview": []}]}', ".json", False),
            ("averitec", '[{"claim_date": "", "questions": []}]', "", True),
            ("averitec", '[{"claim_date": ""}]', ".json", False),
            ("climate_fever", '{"claim_id": "1", "evidences": []}', "", True),
            ("climate_fever", '{"claim_id": "1", "evidence": []}', "", False),
            ("fever", '{"claim": "", "label": "", "evidence": []}', "", True),
            ("fever", '{"claim": "", "label": ""}', ".jsonl", False),
        ],
    )
    def test_detects(self, module, head, suffix, expected):
        """
        A format says yes to its own name or keys, and no to others.
        """
        assert expected is getattr(ct.formats, module).detects(head, suffix)

    @pytest.mark.parametrize(
        ("head", "suffix", "expected"),
        [
            ("", ".html", True),
            ("", ".htm", True),
            ("\n <!doctype html>", "", True),
            ('[{"@type": "ClaimReview"}]', ".json", False),
        ],
    )
    def test_web_page(self, head, suffix, expected):
        """
        A web page is told by its name or its first character, not keys.
        """
        assert expected is ct.formats.claimreview.detects_page(head, suffix)


class TestDetect:
    """
    A file's format, told by asking each format in turn.
    """

    @pytest.mark.parametrize(
        ("name", "text", "expected"),
        [
            (
                "page.htm",
                '<p>{"format": "claimtrack", "events": []}</p>',
                "claimreview",
            ),
            ("rows.tsv", "<b>\n", "claimreview"),
            ("rows.csv", '"@type","claims"\n', "claimskg"),
            ("doc.tsv", '{"format": "claimtrack", "events": []}', "liar"),
            (
                "doc.json",
                (
                    '{"format": "claimtrack", "events": [{"claim": "x", '
                    '"label": "y", "evidence": []}]}'
                ),
                "json",
            ),
            (
                "search.json",
                (
                    '{"claims": [{"@type": "Claim", "claimReview": '
                    '[{"textualRating": "False"}]}]}'
                ),
                "factcheck",
            ),
            (
                "ld.json",
                (
                    '[{"@type": "Claim", "claim": "x", "label": "y", '
                    '"evidence": [], "claim_date": "", "questions": []}]'
                ),
                "claimreview",
            ),
            (
                "climate.jsonl",
                (
                    '{"claim_id": "1", "claim": "x", "evidences": '
                    '[{"label": "x", "evidence": "y"}]}'
                ),
                "climate-fever",
            ),
        ],
    )
    def test_order(self, tmp_path, name, text, expected):
        """
        A web page, then a name, then keys: claimtrack's document, then
        the formats' keys, those that others share last.
        """
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")

        assert expected == ct.formats.detect(path)

    def test_the_beginning_as_text(self, tmp_path):
        """
        The first 64 KiB are read, bytes that are not UTF-8 as U+FFFD;
        keys after them are not seen. A path may be a string.
        """
        path = tmp_path / "data"
        path.write_bytes(b'\xff{"claim_id": "1", "evidences": []}')
        late = tmp_path / "late"
        late.write_text(" " * 64 * 1024 + '{"claim_id": "1", "evidences": []}')

        assert "climate-fever" == ct.formats.detect(str(path))
        assert ct.formats.detect(late) is None

    def test_missing_file(self, tmp_path):
        """
        A file that cannot be read raises the OSError.
        """
        with pytest.raises(FileNotFoundError):
            ct.formats.detect(tmp_path / "missing.json")


class TestModules:
    """
    claimtrack.formats imports a format's module when it is first used.
    """

    def test_imported_when_used(self):
        """
        Importing claimtrack.formats imports no format; naming one does.
        """
        script = (
            "import json, sys\n"
            "import claimtrack.formats\n"
            "def loaded():\n"
            "    return [m.rsplit('.', 1)[1] for m in sys.modules\n"
            "            if m.startswith('claimtrack.formats.')]\n"
            "before = loaded()\n"
            "claimtrack.formats.liar.read\n"
            "print(json.dumps([before, loaded()]))\n"
        )
        run = subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        )
        before, after = json.loads(run.stdout)

        assert not set(FORMATS) & set(before)
        assert {"liar"} == set(FORMATS) & set(after)

    def test_every_module(self):
        """
        Every format's module is an attribute, listed by dir() and __all__.
        """
        for name in FORMATS:
            module = getattr(ct.formats, name)

            assert f"claimtrack.formats.{name}" == module.__name__
            assert name in dir(ct.formats)
            assert name in ct.formats.__all__

    def test_other_names(self):
        """
        A name that is no format's module is an AttributeError.
        """
        with pytest.raises(AttributeError, match="no attribute 'nothing'"):
            ct.formats.nothing  # noqa: B018 -- the lookup is the test
