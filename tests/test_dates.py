"""
Tests for claimtrack._dates: When, how dates are read, compared and shown.
"""

import contextlib
import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack._dates import (
    Precision,
    When,
    check_when,
    to_when,
    when_validator,
)
from claimtrack.exceptions import (
    AmbiguousDateError,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    MissingReferenceError,
)


TUESDAY = dt.date(2025, 2, 4)  # the seed article's publication date
UTC = dt.UTC


def day(y, m, d):
    """
    Build a DAY When from numbers.
    """
    return When.day(dt.date(y, m, d))


def span(a, b):
    """
    Return two dates as ISO strings.
    """
    return (a.isoformat(), b.isoformat())


def read(text, **kw):
    """
    Parse against the seed article's date and return (earliest, latest).
    """
    w = When.parse(text, reference=TUESDAY, **kw)
    return w.earliest.isoformat(), w.latest.isoformat(), w.precision


dates = st.dates(
    min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)
)


@st.composite
def whens(draw):
    """
    Any When built by a named constructor.
    """
    kind = draw(st.sampled_from(["day", "month", "year", "between"]))
    if kind == "day":
        return When.day(draw(dates))
    if kind == "month":
        d = draw(dates)
        return When.month(d.year, d.month)
    if kind == "year":
        return When.year(draw(dates).year)
    a, b = sorted((draw(dates), draw(dates)))
    return When.between(a, b)


class TestConstruction:
    """
    Building a When directly, and its invariants.
    """

    def test_fields(self):
        """
        A When keeps its four fields.
        """
        w = When(TUESDAY, TUESDAY, Precision.DAY, "Tuesday")

        assert (TUESDAY, TUESDAY, Precision.DAY, "Tuesday") == (
            w.earliest,
            w.latest,
            w.precision,
            w.text,
        )

    def test_text_defaults_empty(self):
        """
        text defaults to the empty string.
        """
        assert "" == When(TUESDAY, TUESDAY, Precision.DAY).text

    def test_frozen(self):
        """
        A When cannot be changed in place.
        """
        w = When.day(TUESDAY)

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            w.text = "x"

    def test_evolve_is_validated(self):
        """
        attrs.evolve re-checks the invariants.
        """
        with pytest.raises(InvalidValueError) as ei:
            attrs.evolve(When.day(TUESDAY), latest=dt.date(2025, 2, 5))

        assert "latest" == ei.value.field

    def test_latest_before_earliest(self):
        """
        latest before earliest is refused, naming latest and its value.
        """
        with pytest.raises(InvalidValueError) as ei:
            When(dt.date(2025, 2, 5), TUESDAY, Precision.RANGE)

        assert ("latest", TUESDAY) == (ei.value.field, ei.value.value)
        assert "is before earliest 2025-02-05" in str(ei.value)

    def test_day_must_be_one_day(self):
        """
        DAY precision needs earliest == latest.
        """
        with pytest.raises(InvalidValueError) as ei:
            When(TUESDAY, dt.date(2025, 2, 5), Precision.DAY)

        assert "latest" == ei.value.field

    @pytest.mark.parametrize(
        ("earliest", "latest", "field"),
        [
            (dt.date(2025, 2, 2), dt.date(2025, 2, 28), "earliest"),
            (dt.date(2025, 2, 1), dt.date(2025, 2, 27), "latest"),
            (dt.date(2025, 2, 1), dt.date(2025, 3, 31), "latest"),
        ],
    )
    def test_month_must_be_whole(self, earliest, latest, field):
        """
        MONTH precision needs the first to the last day of one month.
        """
        with pytest.raises(InvalidValueError) as ei:
            When(earliest, latest, Precision.MONTH)

        assert field == ei.value.field

    @pytest.mark.parametrize(
        ("earliest", "latest", "field"),
        [
            (dt.date(2025, 1, 2), dt.date(2025, 12, 31), "earliest"),
            (dt.date(2025, 1, 1), dt.date(2026, 12, 31), "latest"),
        ],
    )
    def test_year_must_be_whole(self, earliest, latest, field):
        """
        YEAR precision needs 1 January to 31 December of one year.
        """
        with pytest.raises(InvalidValueError) as ei:
            When(earliest, latest, Precision.YEAR)

        assert field == ei.value.field

    def test_range_may_be_exact(self):
        """
        A RANGE may cover exactly a month when built by hand.
        """
        w = When(dt.date(2025, 2, 1), dt.date(2025, 2, 28), Precision.RANGE)

        assert Precision.RANGE == w.precision

    @pytest.mark.parametrize("field", ["earliest", "latest"])
    def test_datetime_refused(self, field):
        """
        A datetime is not accepted as earliest or latest.
        """
        fields = {"earliest": TUESDAY, "latest": TUESDAY}
        fields[field] = dt.datetime(2025, 2, 4, tzinfo=UTC)

        with pytest.raises(InvalidTypeError) as ei:
            When(precision=Precision.DAY, **fields)

        assert field == ei.value.field

    def test_wrong_types(self):
        """
        Wrong types for each field are InvalidTypeError naming the field.
        """
        cases = [
            (("2025-02-04", TUESDAY, Precision.DAY, ""), "earliest"),
            ((TUESDAY, TUESDAY, "day", ""), "precision"),
            ((TUESDAY, TUESDAY, Precision.DAY, None), "text"),
        ]
        for args, field in cases:
            with pytest.raises(InvalidTypeError) as ei:
                When(*args)

            assert (
                field,
                args[["earliest", "latest", "precision", "text"].index(field)],
            ) == (
                ei.value.field,
                ei.value.value,
            )

    def test_hashable_and_picklable(self):
        """
        A When hashes by value and survives pickling.
        """
        w = When.parse("3-5 February 2025")

        assert {w} == {pickle.loads(pickle.dumps(w))}


class TestNamedConstructors:
    """
    When.day, When.month, When.year and When.between.
    """

    def test_day(self):
        """
        When.day gives one day.
        """
        assert When(TUESDAY, TUESDAY, Precision.DAY, "x") == When.day(
            TUESDAY, text="x"
        )

    def test_month(self):
        """
        When.month gives the whole month, leap years included.
        """
        w = When.month(2024, 2)

        assert (
            dt.date(2024, 2, 1),
            dt.date(2024, 2, 29),
            Precision.MONTH,
        ) == (
            w.earliest,
            w.latest,
            w.precision,
        )

    def test_year(self):
        """
        When.year gives the whole year.
        """
        w = When.year(2025)

        assert span(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == span(
            w.earliest, w.latest
        )

    @pytest.mark.parametrize(
        ("start", "end", "precision"),
        [
            (TUESDAY, TUESDAY, Precision.DAY),
            (dt.date(2025, 2, 1), dt.date(2025, 2, 28), Precision.MONTH),
            (dt.date(2025, 1, 1), dt.date(2025, 12, 31), Precision.YEAR),
            (dt.date(2025, 2, 3), dt.date(2025, 2, 5), Precision.RANGE),
            (dt.date(2025, 2, 1), dt.date(2025, 3, 31), Precision.RANGE),
        ],
    )
    def test_between_picks_tightest(self, start, end, precision):
        """
        When.between picks DAY, MONTH or YEAR when exact, else RANGE.
        """
        assert precision == When.between(start, end).precision

    def test_between_backwards(self):
        """
        When.between refuses an end before the start.
        """
        with pytest.raises(InvalidValueError) as ei:
            When.between(dt.date(2025, 2, 5), TUESDAY)

        assert ("end", TUESDAY) == (ei.value.field, ei.value.value)

    def test_day_refuses_datetime(self):
        """
        When.day refuses a datetime, naming it "day".
        """
        moment = dt.datetime(2025, 2, 4, tzinfo=UTC)

        with pytest.raises(InvalidTypeError) as ei:
            When.day(moment)

        assert ("day", moment) == (ei.value.field, ei.value.value)

    @pytest.mark.parametrize(
        ("args", "error", "field"),
        [
            ((2025, 13), InvalidValueError, "month"),
            ((2025, 0), InvalidValueError, "month"),
            ((0, 1), InvalidValueError, "year"),
            (("2025", 1), InvalidTypeError, "year"),
            ((2025, True), InvalidTypeError, "month"),
        ],
    )
    def test_month_bad_arguments(self, args, error, field):
        """
        When.month checks its arguments' types and ranges.
        """
        with pytest.raises(error) as ei:
            When.month(*args)

        assert field == ei.value.field


class TestParseMachine:
    """
    Reading ISO 8601 and other machine formats.
    """

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2025-02-04", ("2025-02-04", "2025-02-04", Precision.DAY)),
            ("2025-02", ("2025-02-01", "2025-02-28", Precision.MONTH)),
            ("2025", ("2025-01-01", "2025-12-31", Precision.YEAR)),
            ("2020-09-13", ("2020-09-13", "2020-09-13", Precision.DAY)),
            ("20250204", ("2025-02-04", "2025-02-04", Precision.DAY)),
            ("2025-2-4", ("2025-02-04", "2025-02-04", Precision.DAY)),
            ("2021-7-16", ("2021-07-16", "2021-07-16", Precision.DAY)),
            ("2025/02/04", ("2025-02-04", "2025-02-04", Precision.DAY)),
            ("2025-W06", ("2025-02-03", "2025-02-09", Precision.RANGE)),
            ("2025-W06-2", ("2025-02-04", "2025-02-04", Precision.DAY)),
        ],
    )
    def test_iso(self, text, expected):
        """
        ISO 8601 dates, months, years and unpadded y-m-d are read.
        """
        assert expected == read(text)

    def test_text_kept_verbatim(self):
        """
        The result keeps the input exactly, whitespace included.
        """
        assert "  2025-02-04 " == When.parse("  2025-02-04 ").text

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2025-02-04T10:00:00+00:00", "2025-02-04"),
            ("2025-02-04T23:30:00-05:00", "2025-02-04"),
            ("2025-02-04T01:00:00+09:00", "2025-02-04"),
            ("2025-02-04T10:00:00Z", "2025-02-04"),
        ],
    )
    def test_aware_datetime(self, text, expected):
        """
        An ISO datetime with an offset gives its day in its own offset.
        """
        w = When.parse(text)

        assert (expected, Precision.DAY) == (w.isoformat(), w.precision)

    def test_naive_datetime_refused(self):
        """
        An ISO datetime with a time and no offset is refused.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse("2025-02-04T10:00:00", field="published")

        assert ("published", "2025-02-04T10:00:00") == (
            ei.value.field,
            ei.value.value,
        )
        assert "no time zone" in ei.value.reason

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "2025-02-03/2025-02-05",
                ("2025-02-03", "2025-02-05", Precision.RANGE),
            ),
            ("2025-02/2025-03", ("2025-02-01", "2025-03-31", Precision.RANGE)),
            (
                "2025-02-01/2025-02-28",
                ("2025-02-01", "2025-02-28", Precision.MONTH),
            ),
            ("2024/2025", ("2024-01-01", "2025-12-31", Precision.RANGE)),
        ],
    )
    def test_interval(self, text, expected):
        """
        ISO intervals, with partial ends, are read at the tightest precision.
        """
        assert expected == read(text)

    def test_interval_backwards(self):
        """
        An interval that ends before it starts is refused.
        """
        with pytest.raises(InvalidDateError):
            When.parse("2025-02-05/2025-02-03")

    @pytest.mark.parametrize(
        "text", ["2025-13", "2025-02-30", "2025-2-30", "0000", "0000-01"]
    )
    def test_invalid_iso(self, text):
        """
        An ISO-shaped string that is no real date is InvalidDateError.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse(text)

        assert ("when", text) == (ei.value.field, ei.value.value)


class TestParseHuman:
    """
    Reading dates written in words.
    """

    @pytest.mark.parametrize(
        "text",
        [
            "4 February 2025",
            "February 4, 2025",
            "Feb. 4, 2025",
            "Feb 4 2025",
            "4th February 2025",
            "4 Feb 2025",
            "Tuesday, February 4, 2025",
            "Tue 4 Feb 2025",
            "Tues. 4 February 2025",
            "on 4 February 2025",
            "  4 February 2025 ",
        ],
    )
    def test_day(self, text):
        """
        Human spellings of a whole date give that day.
        """
        assert ("2025-02-04", "2025-02-04", Precision.DAY) == read(text)

    @pytest.mark.parametrize(
        "text", ["February 2025", "Feb 2025", "february 2025", "Feb. 2025"]
    )
    def test_month(self, text):
        """
        A month and year give the whole month, not its first day.
        """
        assert ("2025-02-01", "2025-02-28", Precision.MONTH) == read(text)

    def test_weekday_must_agree(self):
        """
        A weekday that does not match the date is refused.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse("Monday, February 4, 2025")

        assert "says Monday but 2025-02-04 is a Tuesday" in ei.value.reason

    def test_two_weekdays_refused(self):
        """
        Two different weekdays in one date are refused.
        """
        with pytest.raises(InvalidDateError):
            When.parse("Monday Tuesday 4 February 2025")

    @pytest.mark.parametrize(
        ("text", "reference", "expected"),
        [
            ("February 4", TUESDAY, "2025-02-04"),
            ("4 Feb", TUESDAY, "2025-02-04"),
            ("February 5", TUESDAY, "2024-02-05"),
            ("31 December", TUESDAY, "2024-12-31"),
            ("29 February", TUESDAY, "2024-02-29"),
            ("29 February", dt.date(2024, 3, 1), "2024-02-29"),
            ("Tuesday, February 4", TUESDAY, "2025-02-04"),
        ],
    )
    def test_missing_year_from_reference(self, text, reference, expected):
        """
        A day and month take the latest year on or before the reference.
        """
        assert expected == When.parse(text, reference=reference).isoformat()

    def test_month_without_year(self):
        """
        A bare month is the latest one starting on or before the reference.
        """
        assert ("2025-02", "2024-03") == (
            When.parse("February", reference=TUESDAY).isoformat(),
            When.parse("March", reference=TUESDAY).isoformat(),
        )

    def test_missing_year_without_reference(self):
        """
        A day and month with no year and no reference need a reference.
        """
        with pytest.raises(MissingReferenceError) as ei:
            When.parse("February 4", field="said")

        assert ("said", "February 4") == (ei.value.field, ei.value.value)

    @pytest.mark.parametrize("text", ["03/04/25", "4 Feb 25", "1 2 3"])
    def test_two_digit_years_refused(self, text):
        """
        Two-digit years are refused rather than guessed from today's date.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse(text)

        assert text == ei.value.value

    @pytest.mark.parametrize(
        "text",
        ["4 February 2025 10:00", "Feb 4 2025 10am", "Feb 4 2025 10:00 XYZ"],
    )
    def test_human_times_refused(self, text):
        """
        A human date with a time of day is refused (deterministically).
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse(text)

        assert "time of day" in ei.value.reason

    @pytest.mark.parametrize(
        "text", ["hello", "", "   ", "12", "February 30, 2025", "Monday,"]
    )
    def test_unreadable(self, text):
        """
        Text that is no date is InvalidDateError naming the field and text.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse(text, reference=TUESDAY, field="said")

        assert ("said", text) == (ei.value.field, ei.value.value)

    def test_dateutil_errors_chained(self):
        """
        A dateutil error is re-raised as ours, chained.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse("hello")

        assert isinstance(ei.value.__cause__, ValueError)


class TestParseNumeric:
    """
    Reading numeric day/month dates, and dayfirst.
    """

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("31-10-2020", "2020-10-31"),
            ("27-8-2020", "2020-08-27"),
            ("31/10/2020", "2020-10-31"),
            ("10/31/2020", "2020-10-31"),
            ("4.4.2025", "2025-04-04"),
        ],
    )
    def test_only_one_reading(self, text, expected):
        """
        A numeric date valid only one way is read that way without dayfirst.
        """
        assert expected == When.parse(text).isoformat()

    @pytest.mark.parametrize(
        ("text", "dayfirst", "expected"),
        [
            ("03/04/2025", True, "2025-04-03"),
            ("03/04/2025", False, "2025-03-04"),
            ("3.4.2025", True, "2025-04-03"),
            ("1-10-2020", True, "2020-10-01"),
            ("27-8-2020", True, "2020-08-27"),
            ("03 04 2025", True, "2025-04-03"),
        ],
    )
    def test_dayfirst_picks(self, text, dayfirst, expected):
        """
        dayfirst picks between the two readings.
        """
        assert expected == When.parse(text, dayfirst=dayfirst).isoformat()

    def test_ambiguous(self):
        """
        Two valid, different readings and no dayfirst: both are candidates.
        """
        with pytest.raises(AmbiguousDateError) as ei:
            When.parse("03/04/2025", field="said")

        assert ("said", "03/04/2025") == (ei.value.field, ei.value.value)
        assert (
            When.day(dt.date(2025, 4, 3), text="03/04/2025"),
            When.day(dt.date(2025, 3, 4), text="03/04/2025"),
        ) == ei.value.candidates

    def test_ambiguous_is_value_error(self):
        """
        AmbiguousDateError is an InvalidDateError and a ValueError.
        """
        with pytest.raises(ValueError):
            When.parse("1-10-2020")

    def test_same_both_ways(self):
        """
        Day and month equal: one reading, no ambiguity.
        """
        assert "2025-04-04" == When.parse("04/04/2025").isoformat()

    def test_dayfirst_contradicts_only_reading(self):
        """
        An explicit dayfirst against the only valid reading is refused.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse("31-10-2020", dayfirst=False)

        assert "month-first" in ei.value.reason

    def test_neither_reading(self):
        """
        A numeric date valid neither way is refused.
        """
        with pytest.raises(InvalidDateError):
            When.parse("31/31/2020")

    def test_ambiguous_without_year(self):
        """
        A numeric day/month with no year is ambiguous too.
        """
        with pytest.raises(AmbiguousDateError) as ei:
            When.parse("03/04", reference=TUESDAY)

        assert 2 == len(ei.value.candidates)

    def test_ambiguous_range(self):
        """
        An ambiguous numeric range offers both readings of the whole range.
        """
        with pytest.raises(AmbiguousDateError) as ei:
            When.parse("03/04/2025 - 05/04/2025")

        assert [
            "2025-04-03/2025-04-05",
            "2025-03-04/2025-05-04",
        ] == [c.isoformat() for c in ei.value.candidates]


class TestParseRanges:
    """
    Reading ranges of dates.
    """

    @pytest.mark.parametrize(
        "text",
        [
            "3–5 February 2025",
            "3—5 February 2025",
            "3-5 February 2025",
            "3 - 5 February 2025",
            "February 3-5, 2025",
            "February 3 – 5, 2025",
            "between 3 and 5 February 2025",
            "from 3 to 5 February 2025",
            "3rd–5th February 2025",
            "3 February 2025 to 5 February 2025",
            "2025-02-03 to 2025-02-05",
            "2025-02-03 – 2025-02-05",
            "Monday 3 February – Wednesday 5 February 2025",
        ],
    )
    def test_same_month(self, text):
        """
        The common spellings of 3 to 5 February 2025 all read the same.
        """
        assert ("2025-02-03", "2025-02-05", Precision.RANGE) == read(text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("3 February – 5 March 2025", ("2025-02-03", "2025-03-05")),
            ("February–March 2025", ("2025-02-01", "2025-03-31")),
            ("February-March 2025", ("2025-02-01", "2025-03-31")),
            ("30 December – 2 January 2025", ("2024-12-30", "2025-01-02")),
            (
                "30 December 2024 – 2 January 2025",
                ("2024-12-30", "2025-01-02"),
            ),
            ("November–February 2025", ("2024-11-01", "2025-02-28")),
            ("2020–2021", ("2020-01-01", "2021-12-31")),
            ("2020-2021", ("2020-01-01", "2021-12-31")),
            ("3-5 February", ("2025-02-03", "2025-02-05")),
            ("1 February – 28 February 2025", ("2025-02-01", "2025-02-28")),
        ],
    )
    def test_ranges(self, text, expected):
        """
        Ranges across months and years, and without a year, are read.
        """
        assert expected == read(text)[:2]

    def test_whole_month_range_is_month(self):
        """
        A range that is exactly a month gets MONTH precision.
        """
        assert Precision.MONTH == read("1 February – 28 February 2025")[2]

    @pytest.mark.parametrize(
        "text",
        [
            "5–3 February 2025",
            "5 February – 3 February 2025",
            "2025-02-05 to 2025-02-03",
        ],
    )
    def test_backwards(self, text):
        """
        A range whose start is after its end is refused.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse(text)

        assert "after it ends" in ei.value.reason

    def test_range_without_year_needs_reference(self):
        """
        A range with no year at all needs a reference.
        """
        with pytest.raises(MissingReferenceError):
            When.parse("3-5 February")

    def test_two_dashes_refused(self):
        """
        A text with two long dashes is not a range.
        """
        with pytest.raises(InvalidDateError):
            When.parse("3 – 5 – 7 February 2025")


class TestParseRelative:
    """
    Reading relative words against a reference.
    """

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Monday", "2025-02-03"),
            ("on Monday", "2025-02-03"),
            ("ON MONDAY", "2025-02-03"),
            ("  monday  ", "2025-02-03"),
            ("Monday night", "2025-02-03"),
            ("Tuesday", "2025-02-04"),
            ("Wednesday", "2025-01-29"),
            ("Sunday", "2025-02-02"),
            ("last Monday", "2025-02-03"),
            ("last Tuesday", "2025-01-28"),
            ("next Monday", "2025-02-10"),
            ("next Tuesday", "2025-02-11"),
            ("next Wednesday", "2025-02-05"),
            ("today", "2025-02-04"),
            ("this morning", "2025-02-04"),
            ("yesterday", "2025-02-03"),
            ("last night", "2025-02-03"),
            ("tomorrow", "2025-02-05"),
            ("3 days ago", "2025-02-01"),
            ("a day ago", "2025-02-03"),
            ("0 days ago", "2025-02-04"),
            ("1 week ago", "2025-01-28"),
            ("two weeks ago", "2025-01-21"),
        ],
    )
    def test_days(self, text, expected):
        """
        Relative words that name one day read against the reference.
        """
        w = When.parse(text, reference=TUESDAY)

        assert (expected, Precision.DAY, text) == (
            w.isoformat(),
            w.precision,
            w.text,
        )

    def test_seed_article(self):
        """
        "Monday" in an article of Tuesday 2025-02-04 is 2025-02-03.
        """
        assert (
            day(2025, 2, 3).earliest
            == When.parse("Monday", reference=TUESDAY).date
        )

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("this week", ("2025-02-03", "2025-02-09", Precision.RANGE)),
            ("last week", ("2025-01-27", "2025-02-02", Precision.RANGE)),
            ("next week", ("2025-02-10", "2025-02-16", Precision.RANGE)),
            ("this month", ("2025-02-01", "2025-02-28", Precision.MONTH)),
            ("last month", ("2025-01-01", "2025-01-31", Precision.MONTH)),
            ("next month", ("2025-03-01", "2025-03-31", Precision.MONTH)),
            ("this year", ("2025-01-01", "2025-12-31", Precision.YEAR)),
            ("last year", ("2024-01-01", "2024-12-31", Precision.YEAR)),
            ("next year", ("2026-01-01", "2026-12-31", Precision.YEAR)),
            ("earlier this week", ("2025-02-03", "2025-02-03", Precision.DAY)),
            (
                "earlier this month",
                ("2025-02-01", "2025-02-03", Precision.RANGE),
            ),
            ("the weekend", ("2025-02-01", "2025-02-02", Precision.RANGE)),
            ("last weekend", ("2025-02-01", "2025-02-02", Precision.RANGE)),
            (
                "over the weekend",
                ("2025-02-01", "2025-02-02", Precision.RANGE),
            ),
        ],
    )
    def test_spans(self, text, expected):
        """
        Relative weeks, months, years and weekends read against the reference.
        """
        assert expected == read(text)

    def test_month_boundaries(self):
        """
        last and next month cross year boundaries.
        """
        jan = dt.date(2025, 1, 15)
        dec = dt.date(2024, 12, 15)

        assert ("2024-12", "2025-01") == (
            When.parse("last month", reference=jan).isoformat(),
            When.parse("next month", reference=dec).isoformat(),
        )

    def test_weekend_on_a_weekend(self):
        """
        On a Sunday "the weekend" is this one, "last weekend" the one before.
        """
        sunday = dt.date(2025, 2, 9)

        assert (
            "2025-02-08/2025-02-09",
            "2025-02-01/2025-02-02",
        ) == (
            When.parse("the weekend", reference=sunday).isoformat(),
            When.parse("last weekend", reference=sunday).isoformat(),
        )

    def test_earlier_this_week_on_monday(self):
        """
        "earlier this week" read on a Monday is empty, so refused.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse("earlier this week", reference=dt.date(2025, 2, 3))

        assert "empty" in ei.value.reason

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("early February", "2025-02-01/2025-02-10"),
            ("mid February", "2024-02-11/2024-02-20"),
            ("mid-February", "2024-02-11/2024-02-20"),
            ("late February", "2024-02-21/2024-02-29"),
            ("early February 2025", "2025-02-01/2025-02-10"),
            ("late February 2025", "2025-02-21/2025-02-28"),
            ("late Feb. 2025", "2025-02-21/2025-02-28"),
            ("early 2025", "2025-01-01/2025-04-30"),
            ("mid 2025", "2025-05-01/2025-08-31"),
            ("late 2025", "2025-09-01/2025-12-31"),
        ],
    )
    def test_early_mid_late(self, text, expected):
        """
        early, mid and late split a month in thirds and a year in four months.
        """
        assert expected == When.parse(text, reference=TUESDAY).isoformat()

    @pytest.mark.parametrize(
        "text",
        ["Monday", "yesterday", "last week", "3 days ago", "early February"],
    )
    def test_missing_reference(self, text):
        """
        Relative words without a reference raise MissingReferenceError.
        """
        with pytest.raises(MissingReferenceError) as ei:
            When.parse(text, field="said")

        assert ("said", text) == (ei.value.field, ei.value.value)

    def test_missing_reference_is_invalid_date(self):
        """
        MissingReferenceError is an InvalidDateError.
        """
        with pytest.raises(InvalidDateError):
            When.parse("Monday")

    @pytest.mark.parametrize(
        "reference",
        [
            TUESDAY,
            dt.datetime(
                2025, 2, 4, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))
            ),
            When.day(TUESDAY),
        ],
    )
    def test_reference_kinds(self, reference):
        """
        A date, an aware datetime (its own day) or a DAY When are references.
        """
        assert (
            "2025-02-03"
            == When.parse("Monday", reference=reference).isoformat()
        )

    @pytest.mark.parametrize(
        ("reference", "error"),
        [
            (dt.datetime(2025, 2, 4), InvalidDateError),
            (When.month(2025, 2), InvalidDateError),
            ("2025-02-04", InvalidTypeError),
        ],
    )
    def test_bad_reference(self, reference, error):
        """
        A naive datetime, a non-DAY When or a str is not a reference.
        """
        with pytest.raises(error) as ei:
            When.parse("Monday", reference=reference)

        assert ("reference", reference) == (ei.value.field, ei.value.value)

    def test_huge_offset(self):
        """
        An offset beyond the calendar is InvalidDateError, not OverflowError.
        """
        with pytest.raises(InvalidDateError):
            When.parse("99999999999 days ago", reference=TUESDAY)


class TestParseArguments:
    """
    Checking parse's own arguments.
    """

    @pytest.mark.parametrize("text", [None, 20250204, TUESDAY, b"2025"])
    def test_non_str(self, text):
        """
        parse refuses anything but a str.
        """
        with pytest.raises(InvalidTypeError) as ei:
            When.parse(text, field="said")

        assert ("said", text) == (ei.value.field, ei.value.value)

    def test_bad_dayfirst(self):
        """
        dayfirst must be a bool or None.
        """
        with pytest.raises(InvalidTypeError) as ei:
            When.parse("2025", dayfirst="yes")

        assert "dayfirst" == ei.value.field


class TestCoerce:
    """
    When.coerce of date-like values.
    """

    def test_when_as_is(self):
        """
        A When is returned as it is.
        """
        w = When.month(2025, 2)

        assert w is When.coerce(w)

    def test_date(self):
        """
        A date becomes a DAY with its ISO format as text.
        """
        assert When.day(TUESDAY, text="2025-02-04") == When.coerce(TUESDAY)

    def test_aware_datetime(self):
        """
        An aware datetime becomes its day in its own offset, text in full.
        """
        moment = dt.datetime(
            2025, 2, 4, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))
        )

        assert When.day(
            TUESDAY, text="2025-02-04T23:30:00-05:00"
        ) == When.coerce(moment)

    def test_naive_datetime(self):
        """
        A naive datetime is refused: it has no time zone.
        """
        moment = dt.datetime(2025, 2, 4, 10)

        with pytest.raises(InvalidDateError) as ei:
            When.coerce(moment, field="published")

        assert ("published", moment) == (ei.value.field, ei.value.value)
        assert "no time zone" in ei.value.reason

    def test_str(self):
        """
        A str is parsed with the given reference and dayfirst.
        """
        assert (
            "2025-02-03"
            == When.coerce("Monday", reference=TUESDAY).isoformat()
        )
        assert (
            "2025-04-03"
            == When.coerce("03/04/2025", dayfirst=True).isoformat()
        )

    @pytest.mark.parametrize("value", [20250204, None, 3.5, ["2025"]])
    def test_other_types(self, value):
        """
        Other types are InvalidTypeError.
        """
        with pytest.raises(InvalidTypeError) as ei:
            When.coerce(value, field="said")

        assert ("said", value) == (ei.value.field, ei.value.value)


class TestToWhen:
    """
    The to_when converter for attrs fields.
    """

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("2025-02-04", "2025-02-04"),
            ("2025-02", "2025-02"),
            ("2025", "2025"),
            ("2025-02-03/2025-02-05", "2025-02-03/2025-02-05"),
            ("2025-02-04T10:00:00+01:00", "2025-02-04"),
            (TUESDAY, "2025-02-04"),
            (dt.datetime(2025, 2, 4, 10, tzinfo=UTC), "2025-02-04"),
        ],
    )
    def test_converts(self, value, expected):
        """
        Dates, aware datetimes and strict ISO strings become Whens.
        """
        assert expected == to_when(value).isoformat()

    @pytest.mark.parametrize(
        "value",
        [
            "Monday",
            "4 February 2025",
            "03/04/2025",
            "2025-13",
            "2025-02-04T10:00:00",
            dt.datetime(2025, 2, 4),
            None,
            5,
        ],
    )
    def test_leaves_the_rest(self, value):
        """
        Anything else comes back unchanged, without raising.
        """
        assert value is to_when(value)

    def test_when_as_is(self):
        """
        A When comes back as it is.
        """
        w = When.year(2025)

        assert w is to_when(w)


class TestCheckWhen:
    """
    The check_when check and when_validator.
    """

    def test_when(self):
        """
        A When passes and is returned.
        """
        w = When.year(2025)

        assert w is check_when("said", w)

    def test_relative(self):
        """
        Relative words say they need a reference and how to give one.
        """
        with pytest.raises(MissingReferenceError) as ei:
            check_when("said", "Monday")

        assert ("said", "Monday") == (ei.value.field, ei.value.value)
        assert "Tracker.add_claim" in ei.value.reason

    def test_words(self):
        """
        A date in words is refused with a pointer to When.parse.
        """
        with pytest.raises(InvalidDateError) as ei:
            check_when("said", "4 February 2025")

        assert "When.parse()" in ei.value.reason

    def test_garbage(self):
        """
        Words that are no date are InvalidDateError naming the field.
        """
        with pytest.raises(InvalidDateError) as ei:
            check_when("said", "hello")

        assert "said" == ei.value.field

    def test_ambiguous(self):
        """
        An ambiguous numeric date is AmbiguousDateError.
        """
        with pytest.raises(AmbiguousDateError):
            check_when("said", "03/04/2025")

    @pytest.mark.parametrize(
        ("value", "error"),
        [
            (5, InvalidTypeError),
            (TUESDAY, InvalidTypeError),
            (dt.datetime(2025, 2, 4), InvalidDateError),
        ],
    )
    def test_other_values(self, value, error):
        """
        Non-When values are refused with the matching error.
        """
        with pytest.raises(error) as ei:
            check_when("said", value)

        assert ("said", value) == (ei.value.field, ei.value.value)

    def test_validator(self):
        """
        when_validator works as an attrs validator, naming the attribute.
        """

        @attrs.frozen
        class Thing:
            said: object = attrs.field(
                converter=to_when, validator=when_validator()
            )

        assert When.day(TUESDAY, text="2025-02-04") == Thing("2025-02-04").said
        with pytest.raises(MissingReferenceError) as ei:
            Thing("Monday")

        assert "said" == ei.value.field
        assert "<when_validator>" == repr(when_validator())


class TestFormatting:
    """
    isoformat, str, describe and the date property.
    """

    @pytest.mark.parametrize(
        ("when", "expected"),
        [
            (When.day(TUESDAY), "2025-02-04"),
            (When.month(2025, 2), "2025-02"),
            (When.year(2025), "2025"),
            (
                When.between(dt.date(2025, 2, 3), dt.date(2025, 2, 5)),
                "2025-02-03/2025-02-05",
            ),
            (When.day(dt.date(999, 1, 2)), "0999-01-02"),
        ],
    )
    def test_isoformat(self, when, expected):
        """
        isoformat and str give ISO 8601 by precision.
        """
        assert (expected, expected) == (when.isoformat(), str(when))

    @pytest.mark.parametrize(
        ("when", "expected"),
        [
            (When.day(TUESDAY), "4 February 2025"),
            (When.month(2025, 2), "February 2025"),
            (When.year(2025), "2025"),
            (
                When.between(dt.date(2025, 2, 3), dt.date(2025, 2, 5)),
                "3–5 February 2025",
            ),
            (
                When.between(dt.date(2025, 2, 28), dt.date(2025, 3, 3)),
                "28 February – 3 March 2025",
            ),
            (
                When.between(dt.date(2024, 12, 30), dt.date(2025, 1, 2)),
                "30 December 2024 – 2 January 2025",
            ),
            (
                When.between(dt.date(2025, 2, 1), dt.date(2025, 3, 31)),
                "February–March 2025",
            ),
            (
                When.between(dt.date(2024, 12, 1), dt.date(2025, 1, 31)),
                "December 2024 – January 2025",
            ),
            (
                When.between(dt.date(2020, 1, 1), dt.date(2021, 12, 31)),
                "2020–2021",
            ),
        ],
    )
    def test_describe(self, when, expected):
        """
        describe writes dates for people, sharing what both ends share.
        """
        assert expected == when.describe()

    def test_date_property(self):
        """
        date is the day for DAY precision, else None.
        """
        assert (TUESDAY, None) == (
            When.day(TUESDAY).date,
            When.year(2025).date,
        )


class TestComparison:
    """
    overlaps, contains, before, after, within, in and sorting.
    """

    feb = When.month(2025, 2)
    tue = When.day(TUESDAY)
    march = When.month(2025, 3)
    late_feb = When.between(dt.date(2025, 2, 20), dt.date(2025, 3, 5))

    def test_overlaps(self):
        """
        overlaps means at least one shared day.
        """
        assert (True, True, False, True) == (
            self.feb.overlaps(self.tue),
            self.late_feb.overlaps(self.march),
            self.feb.overlaps(self.march),
            self.feb.overlaps(TUESDAY),
        )

    def test_contains(self):
        """
        contains means wholly inside.
        """
        assert (True, False, True) == (
            self.feb.contains(self.tue),
            self.feb.contains(self.late_feb),
            self.feb.contains(self.feb),
        )

    def test_before_after(self):
        """
        before and after mean no shared day, in that order.
        """
        assert (True, True, False, False) == (
            self.feb.before(self.march),
            self.march.after(self.feb),
            self.late_feb.before(self.march),
            self.tue.after(self.feb),
        )

    def test_within(self):
        """
        within checks both ends, inclusive.
        """
        assert (True, True, False) == (
            self.tue.within(dt.date(2025, 2, 4), dt.date(2025, 2, 4)),
            self.tue.within(self.feb, self.feb),
            self.late_feb.within(self.feb, self.feb),
        )

    def test_in(self):
        """
        A date (or a When) is in a When when it lies inside it.
        """
        assert (True, False, True) == (
            dt.date(2025, 2, 4) in When.month(2025, 2),
            dt.date(2025, 3, 1) in When.month(2025, 2),
            self.tue in self.feb,
        )

    def test_in_refuses_datetime(self):
        """
        A datetime is not checked for membership.
        """
        with pytest.raises(InvalidTypeError):
            dt.datetime(2025, 2, 4, tzinfo=UTC) in self.feb  # noqa: B015

    def test_compare_other_types(self):
        """
        Comparing with a non-When is a TypeError; == is just False.
        """
        with pytest.raises(TypeError):
            self.feb < TUESDAY  # noqa: B015
        with pytest.raises(InvalidTypeError):
            self.feb.overlaps("2025-02")

        assert self.tue != TUESDAY

    def test_sort_order(self):
        """
        Sorting is by earliest, latest, precision, then text.
        """
        items = [
            self.march,
            When.day(dt.date(2025, 2, 1), text="b"),
            self.feb,
            When.day(dt.date(2025, 2, 1), text="a"),
            When(dt.date(2025, 2, 1), dt.date(2025, 2, 28), Precision.RANGE),
        ]

        assert [
            When.day(dt.date(2025, 2, 1), text="a"),
            When.day(dt.date(2025, 2, 1), text="b"),
            self.feb,
            When(dt.date(2025, 2, 1), dt.date(2025, 2, 28), Precision.RANGE),
            self.march,
        ] == sorted(items)

    def test_sort_is_not_before(self):
        """
        < is a sort order: overlapping values still sort.
        """
        assert (True, False) == (
            self.feb < self.late_feb,
            self.feb.before(self.late_feb),
        )


class TestProperties:
    """
    Hypothesis properties of reading, writing and comparing.
    """

    @given(whens())
    def test_isoformat_round_trip(self, w):
        """
        parse(isoformat()) gives back the same days and precision.
        """
        back = When.parse(w.isoformat())

        assert (w.earliest, w.latest, w.precision) == (
            back.earliest,
            back.latest,
            back.precision,
        )

    @given(whens())
    def test_describe_round_trip(self, w):
        """
        parse(describe()) gives back the same days and precision.
        """
        back = When.parse(w.describe())

        assert (w.earliest, w.latest, w.precision) == (
            back.earliest,
            back.latest,
            back.precision,
        )

    @given(dates)
    def test_human_day(self, d):
        """
        "4 February 2025" and "February 4, 2025" read back as that day.
        """
        for text in (f"{d.day} {d:%B %Y}", f"{d:%B} {d.day}, {d.year}"):
            assert When.day(d, text=text) == When.parse(text)

    @given(dates)
    def test_human_month(self, d):
        """
        "February 2025" reads back as that month.
        """
        text = f"{d:%B %Y}"

        assert When.month(d.year, d.month, text=text) == When.parse(text)

    @given(dates)
    def test_dayfirst(self, d):
        """
        dayfirst=True reads dd/mm/yyyy as that day.
        """
        text = f"{d.day:02}/{d.month:02}/{d.year}"

        assert d == When.parse(text, dayfirst=True).date

    @given(dates)
    def test_monthfirst(self, d):
        """
        dayfirst=False reads mm/dd/yyyy as that day.
        """
        text = f"{d.month:02}/{d.day:02}/{d.year}"

        assert d == When.parse(text, dayfirst=False).date

    @given(whens(), whens())
    def test_total_order(self, a, b):
        """
        Exactly one of <, ==, > holds, and <= / >= agree with them.
        """
        assert 1 == [a < b, a == b, a > b].count(True)
        assert (a <= b) == (a < b or a == b)
        assert (a >= b) == (a > b or a == b)

    @given(whens(), whens(), whens())
    def test_transitive(self, a, b, c):
        """
        The sort order is transitive.
        """
        if a <= b <= c:
            assert a <= c
        if a < b < c:
            assert a < c

    @given(whens(), whens())
    def test_overlaps_symmetric(self, a, b):
        """
        overlaps is symmetric.
        """
        assert a.overlaps(b) == b.overlaps(a)

    @given(whens(), whens())
    def test_contains_implies_overlaps(self, a, b):
        """
        contains implies overlaps, and before excludes overlap.
        """
        if a.contains(b):
            assert a.overlaps(b)
        if a.before(b):
            assert not a.overlaps(b)
            assert b.after(a)

    @given(
        st.sampled_from(
            [
                "today",
                "yesterday",
                "tomorrow",
                "Monday",
                "last Friday",
                "next Sunday",
                "this week",
                "last week",
                "next month",
                "last year",
                "5 days ago",
                "2 weeks ago",
                "earlier this month",
                "early March",
                "late December",
                "the weekend",
                "last weekend",
                "March 3",
            ]
        ),
        st.dates(
            min_value=dt.date(1100, 1, 1), max_value=dt.date(9000, 12, 31)
        ),
    )
    def test_relative_only_depends_on_reference(self, text, reference):
        """
        Relative words read the same twice against the same reference.
        """
        try:
            first = When.parse(text, reference=reference)
        except InvalidDateError:
            return
        second = When.parse(text, reference=reference)

        assert first == second
        assert first.earliest <= reference + dt.timedelta(days=31)

    @given(
        st.text(alphabet="0123456789 -/.,–FebMonayJulstdhofrmw", max_size=20)
    )
    def test_never_another_exception(self, text):
        """
        Any string either parses or raises InvalidDateError.
        """
        with contextlib.suppress(InvalidDateError):
            When.parse(text, reference=TUESDAY)

    @given(st.text(max_size=30))
    def test_any_text_never_another_exception(self, text):
        """
        Arbitrary text either parses or raises InvalidDateError.
        """
        with contextlib.suppress(InvalidDateError):
            When.parse(text)

    @given(
        st.one_of(st.text(max_size=20), st.dates(), st.integers(), st.none())
    )
    def test_to_when_never_raises(self, value):
        """
        to_when never raises.
        """
        to_when(value)


class TestEdges:
    """
    Less common paths through reading and comparing.
    """

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2025-W06 to 2025-W07", "2025-02-03/2025-02-16"),
            ("2025-02 to 2025-03", "2025-02-01/2025-03-31"),
            ("earlier this year", "2025-01-01/2025-02-03"),
            ("03/04/2025 - 20/04/2025", "2025-04-03/2025-04-20"),
        ],
    )
    def test_more_forms(self, text, expected):
        """
        Week and month ranges, "earlier this year", one-way numeric ranges.
        """
        assert expected == When.parse(text, reference=TUESDAY).isoformat()

    @pytest.mark.parametrize(
        "text",
        [
            "Monday February 2025",
            "early days",
            "3-5-7 February 2025",
            "many days ago",
            "03/04/2025 - 31/03/2025",
        ],
    )
    def test_more_refusals(self, text):
        """
        Weekdays without a day, odd words and impossible ranges are refused.
        """
        with pytest.raises(InvalidDateError) as ei:
            When.parse(text, reference=TUESDAY)

        assert text == ei.value.value

    def test_no_year_before_reference(self):
        """
        A missing year with no earlier year available is refused.
        """
        with pytest.raises(InvalidDateError):
            When.parse("February 4", reference=dt.date(1, 1, 1))

    def test_field_must_be_str(self):
        """
        field must be a str.
        """
        with pytest.raises(InvalidTypeError) as ei:
            When.parse("2025", field=3)

        assert "field" == ei.value.field

    def test_ordering_other_types(self):
        """
        <=, > and >= with a non-When are TypeErrors.
        """
        w = When.year(2025)
        for compare in (
            lambda: w <= 1,
            lambda: w > 1,
            lambda: w >= 1,
        ):
            with pytest.raises(TypeError):
                compare()
