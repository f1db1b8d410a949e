"""
Tests for the whole-tracker JSON document: to_json, from_json, dump, load.
"""

import contextlib
import datetime as dt
import importlib.util
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.scales import RatingScale

from .test_contradictions import build as build_contradictions
from .test_contradictions import propositions
from .test_status import worlds


ROOT = Path(__file__).resolve().parent.parent
T0 = "2025-02-05T09:00:00+00:00"


@pytest.fixture(name="seed", scope="module")
def _seed():
    """
    The worked example, with evidence, a verdict, a link and a retraction.
    """
    spec = importlib.util.spec_from_file_location(
        "el_salvador", ROOT / "examples" / "el_salvador.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tracker = module.build(module.SEED.read_text(encoding="utf-8"))
    module.corroborate(tracker)
    first, second = tracker.claims()[:2]
    tracker.rate(
        first,
        Decimal("2.5"),
        scale=RatingScale.numeric(1, 5),
        by="editor",
        at=T0,
        rationale="half right",
    )
    tracker.rate(second, "pants on fire", scale="politifact", at=T0)
    tracker.contradict(first, second, by="ana", at=T0, note="see text")
    tracker.corroborate(second, evidence=first, stance="refutes", at=T0)
    tracker.retract(second, by="ana", at="2025-02-06T10:00:00+02:00")
    tracker.declare(
        ct.Predicate(
            "carried",
            single_valued=True,
            tolerance=ct.Tolerance(absolute=Decimal("2.5"), relative=0.1),
        ),
        at=T0,
    )
    return tracker


def document(tracker):
    """
    The tracker's document as plain data.
    """
    return json.loads(tracker.to_json())


class TestRoundTrip:
    """
    A document read back is an equal tracker.
    """

    def test_seed(self, seed):
        """
        The worked example, with everything in it, reads back equal.
        """
        copy = ct.Tracker.from_json(seed.to_json(indent=2))

        assert seed == copy
        assert seed.contradictions() == copy.contradictions()
        assert [seed.status(c) for c in seed] == [
            copy.status(c.id) for c in seed
        ]
        assert [seed.history(c) for c in seed] == [
            copy.history(c.id) for c in seed
        ]

    def test_document_shape(self, seed):
        """
        The document names its format and version, then its events.
        """
        data = document(seed)

        assert ("claimtrack", 1) == (data["format"], data["version"])
        assert {"min_sources": 2} == data["policy"]
        assert len(seed.events()) == len(data["events"])
        assert {"kind", "by", "at", "payload"} == set(data["events"][0])

    def test_values_written_plainly(self, seed):
        """
        Dates, numbers and quantities have their documented forms.
        """
        text = seed.to_json()

        assert '"decimal": "2.5"' in text
        assert '"quantity": 43, "unit": "migrants"' in text
        assert '"precision": "range"' in text
        assert "2025-02-06T10:00:00+02:00" in text

    def test_policy_kept(self):
        """
        A tracker's policy travels with its document.
        """
        tracker = ct.Tracker(policy=ct.Policy(min_sources=3))

        assert tracker.policy == ct.Tracker.from_json(tracker.to_json()).policy

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(worlds())
    def test_any_tracker_with_evidence(self, world):
        """
        Any tracker of sources, lineages, claims and evidence round-trips.
        """
        tracker, ops = world
        for n, (claim, evidence, stance) in enumerate(ops):
            tracker.corroborate(
                claim,
                evidence=evidence,
                stance=stance,
                at=dt.datetime(2025, 1, 1, n, tzinfo=dt.UTC),
            )

        assert tracker == ct.Tracker.from_json(tracker.to_json())

    @given(st.lists(propositions(), max_size=6))
    def test_any_tracker_with_propositions(self, props):
        """
        Any tracker of declared predicates and propositions round-trips.
        """
        tracker = build_contradictions(props)
        copy = ct.Tracker.from_json(tracker.to_json())

        assert tracker == copy
        assert tracker.contradictions() == copy.contradictions()


class TestFiles:
    """
    dump writes atomically; load checks the size first.
    """

    def test_dump_and_load(self, seed, tmp_path):
        """
        A dumped tracker loads back equal, and no temporary file is left.
        """
        path = tmp_path / "claims.json"
        seed.dump(path)

        assert seed == ct.Tracker.load(path)
        assert ["claims.json"] == [p.name for p in tmp_path.iterdir()]

    def test_dump_replaces_whole(self, seed, tmp_path):
        """
        Dumping over a file replaces it whole.
        """
        path = tmp_path / "claims.json"
        path.write_text("old and longer " * 10_000, encoding="utf-8")
        ct.Tracker().dump(path)

        assert ct.Tracker() == ct.Tracker.load(path)

    def test_failed_dump_leaves_old_file(self, seed, tmp_path, monkeypatch):
        """
        A dump that fails midway leaves the old file and no temporary one.
        """
        path = tmp_path / "claims.json"
        seed.dump(path)
        before = path.read_bytes()

        def broken(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr("os.fsync", broken)
        with pytest.raises(OSError, match="disk full"):
            ct.Tracker().dump(path)

        assert before == path.read_bytes()
        assert ["claims.json"] == [p.name for p in tmp_path.iterdir()]

    def test_too_large_refused_before_reading(self, tmp_path, monkeypatch):
        """
        A file over the limit is refused without being read.
        """
        path = tmp_path / "big.json"
        path.write_text(" " * 2000, encoding="utf-8")

        def unread(*args, **kwargs):
            raise AssertionError

        monkeypatch.setattr(Path, "read_bytes", unread)
        with pytest.raises(ct.DocumentTooLargeError) as e:
            ct.Tracker.load(path, max_bytes=1000)

        assert "path" == e.value.field

    def test_too_large_text(self):
        """
        Text over the limit is refused too.
        """
        with pytest.raises(ct.DocumentTooLargeError):
            ct.Tracker.from_json("[" * 100, max_bytes=10)

    def test_missing_file(self, tmp_path):
        """
        A missing file is named, by a FileNotFoundError.
        """
        with pytest.raises(ct.MissingFileError) as e:
            ct.Tracker.load(tmp_path / "nowhere.json")

        assert "path" == e.value.field


def mutate(data, path, value):
    """
    A copy of *data* with the item at *path* replaced (or removed).
    """
    data = json.loads(json.dumps(data))
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


class TestMalformed:
    """
    A document wrong anywhere is refused whole, naming where.
    """

    def test_not_json(self):
        """
        Text that is not JSON is refused with its line.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.from_json('{"format": "claimtrack",\n "events": [}')

        assert ("$", 2) == (e.value.field, e.value.line)
        assert "line 2" in str(e.value)

    def test_not_utf8(self):
        """
        Bytes that are not UTF-8 are refused.
        """
        with pytest.raises(ct.InvalidDocumentError):
            ct.Tracker.from_json(b'{"format": "\xff"}')

    @pytest.mark.parametrize(
        ("path", "value", "field"),
        [
            (("format",), "other", "$.format"),
            (("version",), 2, "$.version"),
            (("version",), 0, "$.version"),
            (("version",), "1", "$.version"),
            (("events",), {}, "$.events"),
            (("extra",), 1, "$.extra"),
            (("events",), KeyError, "$"),
            (("events", 0, "kind"), "source-removed", "$.events[0].kind"),
            (("events", 0, "at"), "yesterday", "$.events[0].at"),
            (("events", 0, "at"), "2025-02-05T09:00:00", "$.events[0].at"),
            (
                ("events", "S", "payload", "colour"),
                "red",
                "$.events[S].payload.colour",
            ),
            (("events", "S", "payload"), [], "$.events[S].payload"),
            (
                ("events", "S", "payload", "published", "earliest"),
                "Feb",
                "$.events[S].payload.published.earliest",
            ),
            (
                ("events", "S", "payload", "published", "precision"),
                "week",
                "$.events[S].payload.published.precision",
            ),
            (("events", "S", "payload", "id"), "", "$.events[S].payload.id"),
            (
                ("events", "S", "payload", "id"),
                KeyError,
                "$.events[S].payload",
            ),
        ],
    )
    def test_fault_named(self, seed, path, value, field):
        """
        Each fault is refused with the JSON path of what is wrong.
        """
        data = document(seed)
        source = next(
            i
            for i, e in enumerate(data["events"])
            if e["kind"] == "source-added"
        )
        path = tuple(source if p == "S" else p for p in path)
        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Tracker.from_json(json.dumps(mutate(data, path, value)))

        assert field.replace("[S]", f"[{source}]") == e.value.field

    def test_unknown_speaker_located(self, seed):
        """
        An event the tracker would refuse is refused at its path.
        """
        data = document(seed)
        n = next(
            i
            for i, e in enumerate(data["events"])
            if e["kind"] == "claim-added"
        )
        data["events"][n]["payload"]["speaker"] = "nobody"

        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.from_json(json.dumps(data))

        assert f"$.events[{n}].payload.speaker" == e.value.field

    def test_several_faults_in_one_payload(self, seed):
        """
        Several bad fields of one payload are reported together, located.
        """
        data = document(seed)
        n = next(
            i
            for i, e in enumerate(data["events"])
            if e["kind"] == "source-added"
        )
        data["events"][n]["payload"]["id"] = ""
        data["events"][n]["payload"]["url"] = "ftp://x"

        with pytest.raises(ct.InvalidFieldsError) as e:
            ct.Tracker.from_json(json.dumps(data))

        assert [
            f"$.events[{n}].payload.id",
            f"$.events[{n}].payload.url",
        ] == [x.field for x in e.value.exceptions]

    @pytest.mark.parametrize(
        "number", [{"decimal": "x"}, {"decimal": 1}, "3", True, {"d": "1"}]
    )
    def test_bad_numbers(self, seed, number):
        """
        A number that is not one is named.
        """
        data = document(seed)
        n, event = next(
            (i, e)
            for i, e in enumerate(data["events"])
            if e["kind"] == "predicate-declared"
            and e["payload"]["tolerance"] is not None
        )
        event["payload"]["tolerance"]["absolute"] = number

        with pytest.raises(ct.InvalidDocumentError) as e:
            ct.Tracker.from_json(json.dumps(data))

        assert e.value.field.startswith(
            f"$.events[{n}].payload.tolerance.absolute"
        )

    @given(st.data())
    def test_any_corruption_is_a_clear_error(self, seed, data):
        """
        Replacing any value anywhere in a document gives a tracker or a
        ClaimtrackError, never another exception.
        """
        doc = document(seed)
        path = data.draw(st.sampled_from(list(paths(doc))))
        value = data.draw(
            st.none()
            | st.integers()
            | st.text(max_size=5)
            | st.booleans()
            | st.floats(allow_nan=False)
            | st.lists(st.integers(), max_size=2)
            | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)
            | st.sampled_from(
                [{"decimal": "1"}, {"quantity": 1}, "2025-02-03", 10**30]
            )
        )
        with contextlib.suppress(ct.ClaimtrackError):
            ct.Tracker.from_json(json.dumps(mutate(doc, path, value)))


def paths(data, prefix=()):
    """
    The path of every value inside *data*.
    """
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        yield (*prefix, key)
        yield from paths(value, (*prefix, key))


class TestPayloadFaults:
    """
    Faults inside evidence and verdict payloads are named.
    """

    @pytest.mark.parametrize(
        ("kind", "key", "value", "suffix"),
        [
            ("evidence-added", "items", "paper", "items"),
            ("evidence-added", "items", [{"claim": 3}], "items[0].claim"),
            ("verdict-set", "rating", "great", "rating"),
            ("verdict-set", "at", "soon", "at"),
        ],
    )
    def test_named(self, seed, kind, key, value, suffix):
        """
        The fault's path ends in the payload's field.
        """
        data = document(seed)
        n = next(i for i, e in enumerate(data["events"]) if e["kind"] == kind)
        data["events"][n]["payload"][key] = value

        with pytest.raises(ct.ClaimtrackError) as e:
            ct.Tracker.from_json(json.dumps(data))

        assert f"$.events[{n}].payload.{suffix}" == e.value.field


class TestMerge:
    """
    Trackers that share history merge by the union of their events.
    """

    @pytest.fixture(name="base")
    def _base(self):
        t = ct.Tracker()
        t.add_actor(ct.Actor("a", "A"), at=T0)
        t.add_claim("shared", speaker="a", id="c0", at=T0)
        return t

    def test_union_not_duplicated(self, base):
        """
        Each side's new events are added once; shared ones are kept once.
        """
        mine = ct.Tracker.from_json(base.to_json())
        theirs = ct.Tracker.from_json(base.to_json())
        mine.add_claim("mine", speaker="a", id="c1", at=T0)
        theirs.add_claim("theirs", speaker="a", id="c2", at=T0)
        theirs.rate("c0", "true", at=T0)

        added = mine.merge(theirs)

        assert ["claim-added", "verdict-set"] == [e.kind.value for e in added]
        assert ["c0", "c1", "c2"] == [c.id for c in mine]
        assert [] == mine.merge(theirs)
        assert 1 == len(mine.verdicts("c0"))

    def test_clash_adds_nothing(self, base):
        """
        A clash anywhere in the other history adds nothing.
        """
        mine = ct.Tracker.from_json(base.to_json())
        theirs = ct.Tracker.from_json(base.to_json())
        theirs.add_claim("fine", speaker="a", id="c1", at=T0)
        theirs.add_claim("clash", speaker="a", id="c9", at=T0)
        mine.add_claim("other", speaker="a", id="c9", at=T0)
        before = mine.events()

        with pytest.raises(ct.DuplicateIdError) as e:
            mine.merge(theirs)

        assert "events[3].id" == e.value.field
        assert before == mine.events()

    def test_merge_into_store(self, base, tmp_path):
        """
        Merging into a stored tracker writes the union to its file.
        """
        path = tmp_path / "claims.db"
        with ct.Tracker.open(path) as stored:
            stored.merge(base)
            base.add_claim("later", speaker="a", id="c5", at=T0)
            stored.merge(base)
        with ct.Tracker.open(path) as again:
            assert base == again

    def test_not_a_tracker(self, base):
        """
        Only a Tracker merges.
        """
        with pytest.raises(ct.InvalidTypeError):
            base.merge([])

    def test_apply_clash_located(self, base):
        """
        An event the tracker refuses is named by its place.
        """
        mine = ct.Tracker.from_json(base.to_json())
        theirs = ct.Tracker.from_json(base.to_json())
        theirs.add_source(ct.Source("s1", derived_from=("x",)), at=T0)
        mine.add_source(ct.Source("x", derived_from=("s1",)), at=T0)

        with pytest.raises(ct.LineageCycleError) as e:
            mine.merge(theirs)

        assert "events[2].derived_from" == e.value.field
