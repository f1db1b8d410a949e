"""
Tests for claimtrack.formats._common: the machinery every importer shares.
"""

import pytest

import claimtrack as ct
from claimtrack.formats import _common


def adding(text):
    """
    A record that adds one claim by an unknown speaker.
    """

    def add(tracker):
        tracker.add_actor(ct.Actor("someone", "Someone"))
        return [tracker.add_claim(text, speaker="someone").id]

    return add


class TestRun:
    """
    run: all or nothing, or lenient with a report.
    """

    def records(self):
        """
        Two good records, then an input that breaks off.
        """
        yield _common.Record("line 1", adding("One"))
        yield _common.Record("line 2", adding("Two"))
        raise ct.InvalidDocumentError("$", "x", "breaks off here")

    def test_an_input_that_breaks_off_is_its_last_record(self):
        """
        An error raised by the input itself ends it, as one more record.
        """
        tracker = ct.Tracker()
        report = _common.run(tracker, "test", self.records(), lenient=True)

        assert (3, 2) == (report.records, len(tracker))
        assert ["record 2"] == [r.where for r in report.rejected]
        assert "breaks off here" in report.rejected[0].reason

    def test_strict_raises_it(self):
        """
        Strict, the input's own error is raised and nothing is added.
        """
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDocumentError):
            _common.run(tracker, "test", self.records())

        assert 0 == len(tracker.events())

    def test_failing_record(self):
        """
        failing() makes a record that raises its error where it was read.
        """
        error = ct.InvalidDocumentError("date", "x", "is no date")
        with pytest.raises(ct.InvalidDocumentError) as info:
            _common.run(
                ct.Tracker(), "test", [_common.failing("row 3", error)]
            )

        assert "row 3.date" == info.value.field


class TestFieldReaders:
    """
    Small readers of fields.
    """

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (None, None),
            ("  a b ", "a b"),
            ("   ", None),
            (True, None),
            (3, "3"),
            (2.5, "2.5"),
            ([1], None),
        ],
    )
    def test_text_of(self, value, text):
        """
        Scalars become stripped text; empty and odd values None.
        """
        assert text == _common.text_of(value)

    def test_first(self):
        """
        first() skips missing and empty values.
        """
        row = {"a": "", "b": [], "c": "x", "d": "y"}

        assert "x" == _common.first(row, "a", "b", "z", "c", "d")
        assert _common.first(row, "a", "b") is None
