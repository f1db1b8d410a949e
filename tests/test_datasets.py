"""
The dataset importers against the real corpora, and what they share:
input, size limits, reports.

The corpora sit beside the project checkout (``../shared/corpora``); the
tests that read them skip when they are absent.
"""

import collections
import csv
import io
import json
import re
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.formats import _common, averitec, climate_fever, fever, liar


ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DATASETS = CORPORA / "datasets"
DOCS = (ROOT / "docs" / "datasets.md").read_text(encoding="utf-8")


def corpus(name):
    """
    The path of a dataset file of the corpora; skip when it is absent.
    """
    path = DATASETS / name
    if not path.is_file():
        pytest.skip(f"{name} is not available")
    return path


def counted(tracker):
    """
    Claims, speakers and verdicts per label, as imported.
    """
    return (
        len(tracker),
        len({c.speaker for c in tracker}),
        collections.Counter(
            v.label for c in tracker for v in tracker.verdicts(c)
        ),
    )


def documented(name):
    """
    The counts docs/datasets.md gives for a corpus file.
    """
    row = next(
        line for line in DOCS.splitlines() if line.startswith(f"| `{name}`")
    )
    _, claims, speakers, labels = (
        c.strip() for c in row.strip("|").split("|")
    )
    return (
        int(claims),
        int(speakers),
        collections.Counter(
            {
                label: int(count)
                for label, count in (
                    part.rsplit(" ", 1) for part in labels.split(", ")
                )
            }
        ),
    )


@pytest.fixture(name="liar_imported", scope="module")
def _liar_imported():
    """
    The tracker, report and raw records of the liar corpus file.
    """
    path = corpus("liar_test_subset.tsv")
    tracker = ct.Tracker()
    report = liar.read(tracker, path)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tracker, report, rows


class TestLiarCorpus:
    """
    LIAR's test slice imports strictly, with the counts of the raw file.
    """

    def test_counts(self, liar_imported):
        """
        Claims, speakers and labels match the raw rows, the docs, the README.
        """
        tracker, report, rows = liar_imported
        raw = (
            len(rows),
            len({r[4] for r in rows}),
            collections.Counter(r[1] for r in rows),
        )

        assert raw == counted(tracker)
        assert raw == documented("liar_test_subset.tsv")
        assert 137 == len(report.claims) == report.records  # README
        assert report.ok

    def test_quirks(self, liar_imported):
        """
        Slugs become names, empty job titles no role, contexts sources.
        """
        tracker, _, rows = liar_imported

        assert "Rick Perry" == tracker.actor("rick-perry").name
        assert "Governor" == tracker.actor("rick-perry").role
        assert tracker.actor("brendan-doherty").role is None
        doherty = tracker.claim("liar-5962")
        assert "brendan-doherty" == doherty.speaker
        assert not any(t.startswith("job:") for t in doherty.tags)
        empty_jobs = {r[4] for r in rows if not r[5].strip()}
        assert {a.id for a in tracker.actors() if a.role is None} == empty_jobs

    def test_twice(self, liar_imported):
        """
        Importing the file again adds nothing.
        """
        tracker, report, _ = liar_imported

        again = liar.read(tracker, corpus("liar_test_subset.tsv"))

        assert 0 == again.added
        assert report.claims == again.claims


@pytest.fixture(name="averitec_imported", scope="module")
def _averitec_imported():
    """
    The tracker, report and raw records of the averitec corpus file.
    """
    path = corpus("averitec_dev_subset.json")
    tracker = ct.Tracker()
    report = averitec.read(tracker, path)
    records = json.loads(path.read_text(encoding="utf-8"))
    return tracker, report, records


class TestAveritecCorpus:
    """
    AVeriTeC's dev slice imports strictly, with the counts of the raw file.
    """

    def test_counts(self, averitec_imported):
        """
        Claims, speakers and labels match the raw file, the docs, the README.
        """
        tracker, report, records = averitec_imported
        names = {
            " ".join(re.findall(r"\w+", r["speaker"].casefold()))
            for r in records
            if r["speaker"]
        } - {""}
        unnamed = any(not (r["speaker"] or "").strip() for r in records)
        raw = (
            len(records),
            len(names) + unnamed,
            collections.Counter(r["label"] for r in records),
        )

        assert raw == counted(tracker)
        assert raw == documented("averitec_dev_subset.json")
        assert {
            "Refuted": 51,
            "Supported": 15,
            "Conflicting Evidence/Cherrypicking": 12,
            "Not Enough Evidence": 6,
        } == raw[2]  # README
        assert len(records) == len(report.claims)

    def test_day_first_dates(self, averitec_imported):
        """
        Every claim_date is read day first: "27-8-2020" is 27 August.
        """
        tracker, report, records = averitec_imported

        for record, claim_id in zip(records, report.claims, strict=True):
            day, month, year = map(int, record["claim_date"].split("-"))
            said = tracker.claim(claim_id).said
            assert (year, month, day) == (
                said.date.year,
                said.date.month,
                said.date.day,
            )
            assert record["claim_date"] == said.text
        assert "2020-08-27" in {
            str(tracker.claim(i).said)
            for r, i in zip(records, report.claims, strict=True)
            if r["claim_date"] == "27-8-2020"
        }

    def test_speakers(self, averitec_imported):
        """
        Null and empty speakers are unattributed; names are actors.
        """
        tracker, report, records = averitec_imported

        for record, claim_id in zip(records, report.claims, strict=True):
            speaker = tracker.actor(tracker.claim(claim_id).speaker)
            if (record["speaker"] or "").strip():
                assert record["speaker"].strip().startswith(speaker.name)
            else:
                assert averitec.UNATTRIBUTED == speaker
        assert {None, ""} <= {r["speaker"] for r in records}

    def test_evidence_and_sources(self, averitec_imported):
        """
        Each answer URL is evidence, and each article a source, per claim.
        """
        tracker, report, records = averitec_imported

        for record, claim_id in zip(records, report.claims, strict=True):
            urls = {
                a["source_url"]
                for q in record["questions"]
                for a in q["answers"]
                if a["source_url"] not in ("", "Metadata")
            }
            evidence = tracker.evidence(claim_id)
            assert urls == {e.items[0].url for e in evidence[1:]}
            article = tracker.source(evidence[0].items[0].source)
            assert record["fact_checking_article"] == article.url
            verdict = tracker.verdict(claim_id)
            justification = (record["justification"] or "").strip()
            assert (justification or None) == verdict.rationale

    def test_twice(self, averitec_imported):
        """
        Importing the file again adds nothing.
        """
        tracker, _, _ = averitec_imported

        again = averitec.read(tracker, corpus("averitec_dev_subset.json"))

        assert 0 == again.added


@pytest.fixture(name="climate_fever_imported", scope="module")
def _climate_fever_imported():
    """
    The tracker, report and raw records of the climate_fever corpus file.
    """
    path = corpus("climate-fever_subset.jsonl")
    tracker = ct.Tracker()
    report = climate_fever.read(tracker, path)
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return tracker, report, records


class TestClimateFeverCorpus:
    """
    Climate-FEVER's slice imports strictly, with the raw file's counts.
    """

    def test_counts(self, climate_fever_imported):
        """
        Claims, speakers and labels match the raw file, the docs, the README.
        """
        tracker, _, records = climate_fever_imported
        raw = (
            len(records),
            1,
            collections.Counter(r["claim_label"] for r in records),
        )

        assert raw == counted(tracker)
        assert raw == documented("climate-fever_subset.jsonl")
        assert {
            "DISPUTED": 64,
            "REFUTES": 23,
            "SUPPORTS": 19,
            "NOT_ENOUGH_INFO": 14,
        } == raw[2]  # README
        assert {
            f"{e['article']}:{e['evidence']}"
            for r in records
            for e in r["evidences"]
        } == {f"{s.title}:{s.text}" for s in tracker.sources()}

    def test_string_ids_and_null_votes(self, climate_fever_imported):
        """
        String claim ids make the claim ids; null votes are kept as null.
        """
        tracker, report, records = climate_fever_imported

        assert tuple(f"climate-fever-{r['claim_id']}" for r in records) == (
            report.claims
        )
        assert all(isinstance(r["claim_id"], str) for r in records)
        nulls = 0
        for record, claim_id in zip(records, report.claims, strict=True):
            notes = {e.note.split("; ")[1] for e in tracker.evidence(claim_id)}
            votes = {
                "votes: " + ", ".join(v or "null" for v in e["votes"])
                for e in record["evidences"]
            }
            assert votes == notes
            nulls += sum(e["votes"].count(None) for e in record["evidences"])
        assert nulls > 0

    def test_disputed_is_disputed(self, climate_fever_imported):
        """
        Every DISPUTED claim has both stances, so its derived status.
        """
        tracker, report, records = climate_fever_imported

        disputed = [
            claim_id
            for record, claim_id in zip(records, report.claims, strict=True)
            if record["claim_label"] == "DISPUTED"
        ]
        assert 64 == len(disputed)
        for claim_id in disputed:
            stances = {e.stance for e in tracker.evidence(claim_id)}
            assert {ct.Stance.SUPPORTS, ct.Stance.REFUTES} <= stances
            assert ct.Status.DISPUTED == tracker.derived_status(claim_id)
            assert ct.Status.MIXED == tracker.status(claim_id)

    def test_twice(self, climate_fever_imported):
        """
        Importing the file again adds nothing.
        """
        tracker, _, _ = climate_fever_imported

        again = climate_fever.read(
            tracker, corpus("climate-fever_subset.jsonl")
        )

        assert 0 == again.added


class TestFormats:
    """
    The importers are exported from claimtrack.formats.
    """

    def test_exported(self):
        """
        Each dataset module is in claimtrack.formats and has read().
        """
        for module in (liar, averitec, climate_fever, fever):
            name = module.__name__.rsplit(".", 1)[1]
            assert module is getattr(ct.formats, name)
            assert name in ct.formats.__all__
            assert callable(module.read)
            assert module.read.__kwdefaults__ == {
                "lenient": False,
                "max_bytes": ct.formats.MAX_BYTES,
                "at": None,
                "progress": None,
            }


PERRY = (
    "1.json\ttrue\tWalls take years.\timmigration\trick-perry\tGovernor\t"
    "Texas\trepublican\t1\t2\t3\t4\t5\tRadio interview\n"
)


class TestInput:
    """
    What every importer reads, and what it refuses before reading.
    """

    def test_path_too_large_is_not_read(self, tmp_path, monkeypatch):
        """
        A file over max_bytes is refused from its size, unread.
        """
        path = tmp_path / "big.tsv"
        path.write_text(PERRY * 10, encoding="utf-8")
        monkeypatch.setattr(
            Path,
            "read_bytes",
            lambda self: pytest.fail("the file was read"),
        )

        with pytest.raises(ct.DocumentTooLargeError) as e:
            liar.read(ct.Tracker(), path, max_bytes=len(PERRY))

        assert "path" == e.value.field

    @pytest.mark.parametrize(
        "make",
        [
            lambda: PERRY,
            PERRY.encode,
            lambda: io.StringIO(PERRY),
            lambda: io.BytesIO(PERRY.encode()),
        ],
        ids=["text", "bytes", "text file", "binary file"],
    )
    def test_data_too_large(self, make):
        """
        Text, bytes and open files over max_bytes are refused.
        """
        tracker = ct.Tracker()

        with pytest.raises(ct.DocumentTooLargeError) as e:
            liar.read(tracker, make(), max_bytes=len(PERRY) - 1)

        assert "data" == e.value.field
        assert [] == tracker.events()

    def test_text_file(self, tmp_path):
        """
        An open text file is read.
        """
        path = tmp_path / "a.tsv"
        path.write_text(PERRY, encoding="utf-8")
        tracker = ct.Tracker()
        with path.open(encoding="utf-8") as f:
            report = liar.read(tracker, f)

        assert ("liar-1",) == report.claims

    def test_byte_order_mark(self):
        """
        A byte-order mark is not part of the first id.
        """
        for data in ("\ufeff" + PERRY, ("\ufeff" + PERRY).encode()):
            tracker = ct.Tracker()
            assert ("liar-1",) == liar.read(tracker, data).claims

    def test_not_utf8(self):
        """
        Bytes that are not UTF-8 are refused with their line.
        """
        data = PERRY.encode() + b"2.json\ttrue\t\xff\n"

        with pytest.raises(ct.InvalidDocumentError) as e:
            liar.read(ct.Tracker(), data, lenient=True)

        assert (2, "line 2") == (e.value.line, e.value.field)

    def test_wrong_type(self):
        """
        Data that is no text, bytes, path or file is an InvalidTypeError.
        """
        with pytest.raises(ct.InvalidTypeError) as e:
            fever.read(ct.Tracker(), 42)

        assert "data" == e.value.field

    def test_report(self):
        """
        The report names the format and counts what came in.
        """
        tracker = ct.Tracker()
        report = fever.read(tracker, '{"id": 1, "claim": "Water is wet."}\n')

        assert ("fever", 1, ("fever-1",), True) == (
            report.format,
            report.records,
            report.claims,
            report.ok,
        )
        assert len(tracker.events()) == report.added
        assert () == report.flags


class TestCommon:
    """
    The shared import machinery's smaller functions.
    """

    def test_iterator_error_ends_input(self):
        """
        An error raised by a record iterator ends the input, reported.
        """

        def records():
            yield _common.Record("line 1", lambda t: [])
            raise ct.InvalidDocumentError("$", None, "ends here")

        tracker = ct.Tracker()
        report = _common.run(tracker, "x", records(), lenient=True)

        assert ["record 1"] == [r.where for r in report.rejected]
        with pytest.raises(ct.InvalidDocumentError):
            _common.run(tracker, "x", records())

    def test_event_count(self):
        """
        A tracker's position counts the events it holds, without making
        them.
        """
        tracker = ct.Tracker()
        assert 0 == tracker.position
        tracker.add_actor(ct.Actor("a", "A"))
        for n, by in enumerate(["x", "x", "y", "x"]):
            tracker.add_claim(f"c{n}", speaker="a", by=by, at=liar.AT)
        tracker.rate(tracker.claims()[0], "true")
        liar.read(tracker, PERRY)

        assert len(tracker.events()) == tracker.position

    def test_text_of(self):
        """
        text_of strips text and reads numbers; the rest is None.
        """
        assert ["a", None, None, "2", "2.5", None, None] == [
            _common.text_of(v) for v in (" a ", "  ", None, 2, 2.5, True, [1])
        ]

    def test_first(self):
        """
        first gives the first non-empty value of the keys asked.
        """
        data = {"a": "", "b": [], "c": "x", "d": "y"}

        assert "x" == _common.first(data, "a", "b", "c", "d")
        assert _common.first(data, "a", "z") is None
