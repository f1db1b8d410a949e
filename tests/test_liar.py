"""
Tests for the LIAR importer: lines to claims, speakers, sources, verdicts.
"""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.formats import liar
from claimtrack.scales import Rating


PERRY = (
    "11972.json\ttrue\tBuilding a wall on the U.S.-Mexico border will take "
    "literally years.\timmigration\trick-perry\tGovernor\tTexas\trepublican"
    "\t30\t30\t42\t23\t18\tRadio interview"
)
DOHERTY = (
    "5962.json\ttrue\tOver the past five years the federal government has "
    "paid out $601 million in retirement and disability benefits to deceased "
    "former federal employees.\tfederal-budget,pensions,retirement\t"
    "brendan-doherty\t\tRhode Island\trepublican\t1\t2\t1\t1\t0\t"
    "a campaign website "
)
NRA = (
    "1.json\tpants-fire\tSays guns are banned.\tguns,crime\t"
    "national-rifle-association\tPolitical advocacy group\t\torganization"
    "\t0\t0\t0\t0\t1\t"
)


def line(**cells):
    """
    A LIAR line: Perry's, with some cells replaced.
    """
    row = dict(zip(liar.COLUMNS, PERRY.split("\t"), strict=True))
    row.update(cells)
    return "\t".join(row[c] for c in liar.COLUMNS)


class TestRows:
    """
    Each line becomes a claim with its speaker, source, tags and verdict.
    """

    def test_claim(self):
        """
        The statement, speaker, id and tags come from the line's columns.
        """
        tracker = ct.Tracker()
        report = liar.read(tracker, PERRY)

        claim = tracker.claim("liar-11972")
        assert ("liar-11972",) == report.claims
        assert (
            "Building a wall on the U.S.-Mexico border will take literally "
            "years." == claim.text
        )
        assert "rick-perry" == claim.speaker
        assert (
            "immigration",
            "job:Governor",
            "state:Texas",
            "party:republican",
        ) == claim.tags
        assert claim.said is None

    def test_slug_becomes_readable_actor(self):
        """
        "rick-perry" is an actor named Rick Perry, with the job as role.
        """
        tracker = ct.Tracker()
        liar.read(tracker, PERRY)

        perry = tracker.actor("Rick Perry")
        assert ct.Actor("rick-perry", "Rick Perry", role="Governor") == perry
        assert perry is tracker.actor("rick-perry")

    @pytest.mark.parametrize(
        ("slug", "name"),
        [
            ("rick-perry", "Rick Perry"),
            ("michael-j-gardiner", "Michael J Gardiner"),
            ("H204TEXAS-PAC", "H204TEXAS PAC"),
            ("facebook-posts", "Facebook Posts"),
            ("cher", "Cher"),
        ],
    )
    def test_speaker_name(self, slug, name):
        """
        Each dash-separated part gets a capital; the rest is kept.
        """
        assert name == liar.speaker_name(slug)

    def test_empty_job_title(self):
        """
        An empty job title gives an actor with no role and no job tag.
        """
        tracker = ct.Tracker()
        liar.read(tracker, DOHERTY)

        doherty = tracker.actor("brendan-doherty")
        claim = tracker.claims(speaker="Brendan Doherty")[0]
        assert doherty.role is None
        assert "Brendan Doherty" == doherty.name
        assert (
            "federal-budget",
            "pensions",
            "retirement",
            "state:Rhode Island",
            "party:republican",
        ) == claim.tags

    def test_organization(self):
        """
        Party "organization" makes an organization; subjects are split.
        """
        tracker = ct.Tracker()
        liar.read(tracker, NRA)

        nra = tracker.actor("national-rifle-association")
        claim = tracker.claim("liar-1")
        assert ct.ActorKind.ORGANIZATION == nra.kind
        assert "National Rifle Association" == nra.name
        assert ("guns", "crime") == claim.tags[:2]
        assert "party:organization" in claim.tags

    def test_context_is_where_said(self):
        """
        The context titles a source of its own; none when it is empty.
        """
        tracker = ct.Tracker()
        liar.read(tracker, f"{PERRY}\n{DOHERTY}\n{NRA}")

        perry = tracker.claim("liar-11972")
        assert "liar-11972-context" == perry.source
        assert "Radio interview" == tracker.source(perry.source).title
        doherty = tracker.claim("liar-5962")
        assert "a campaign website" == tracker.source(doherty.source).title
        assert tracker.claim("liar-1").source is None

    @pytest.mark.parametrize(
        ("label", "rating"),
        [
            ("true", Rating.TRUE),
            ("mostly-true", Rating.MOSTLY_TRUE),
            ("half-true", Rating.MIXED),
            ("barely-true", Rating.MOSTLY_FALSE),
            ("false", Rating.FALSE),
            ("pants-fire", Rating.FALSE),
        ],
    )
    def test_verdict(self, label, rating):
        """
        The label is a PolitiFact verdict by "liar", kept as given.
        """
        tracker = ct.Tracker()
        liar.read(tracker, line(label=label))

        verdict = tracker.verdict("liar-11972")
        assert (label, "politifact", rating) == (
            verdict.label,
            verdict.scale,
            verdict.rating,
        )
        assert ("liar", liar.AT) == (verdict.by, verdict.at)
        assert "2017-04-23T00:00:00+00:00" == verdict.at.isoformat()

    def test_at(self):
        """
        at= dates the claims and verdicts instead of LIAR's date.
        """
        tracker = ct.Tracker()
        liar.read(tracker, PERRY, at="2024-01-02T03:04:05+00:00")

        expected = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
        assert expected == tracker.verdict("liar-11972").at
        assert {expected} == {e.at for e in tracker.events()}

    def test_first_line_decides_the_actor(self):
        """
        A later job title goes to the claim's tag, not to the actor.
        """
        later = line(
            id="2.json", job_title="Former governor", statement="Other."
        )
        tracker = ct.Tracker()
        liar.read(tracker, f"{PERRY}\n{later}\n")

        assert "Governor" == tracker.actor("rick-perry").role
        assert "job:Former governor" in tracker.claim("liar-2").tags

    def test_known_actor_is_used(self):
        """
        An actor already in the tracker under the slug is used as it is.
        """
        tracker = ct.Tracker()
        perry = tracker.add_actor(
            ct.Actor("rick-perry", "Rick Perry", aliases=("Perry",))
        )
        report = liar.read(tracker, PERRY)

        assert perry is tracker.actor("rick-perry")
        assert [perry] == tracker.actors()
        assert report.ok

    def test_line_endings_and_blank_lines(self):
        """
        CRLF endings and blank lines are fine; lines keep their numbers.
        """
        text = f"\r\n{PERRY}\r\n\r\n{line(id='x', label='maybe')}\r\n"
        tracker = ct.Tracker()
        report = liar.read(tracker, text, lenient=True)

        assert ("liar-11972",) == report.claims
        assert ["line 4"] == [r.where for r in report.rejected]

    def test_inputs(self, tmp_path):
        """
        Text, bytes, a path and an open file read alike.
        """
        path = tmp_path / "test.tsv"
        path.write_text(PERRY + "\n", encoding="utf-8")
        results = []
        for data in (PERRY, PERRY.encode(), path):
            tracker = ct.Tracker()
            liar.read(tracker, data)
            results.append(tracker)
        with path.open("rb") as f:
            tracker = ct.Tracker()
            liar.read(tracker, f)
            results.append(tracker)

        assert all(t == results[0] for t in results)


class TestGroups:
    """
    PolitiFact's speaker pages for posts are groups, not people.
    """

    @pytest.mark.parametrize(
        ("slug", "platforms"),
        [
            ("facebook-posts", ("Facebook",)),
            ("viral-image", ()),
            ("chain-email", ()),
            ("tweets", ("X/Twitter",)),
        ],
    )
    def test_placeholder_speaker_is_a_group(self, slug, platforms):
        """
        The slug stays the id, the name is read from it, the job title is
        the role, the platforms are aliases; the report says so.
        """
        tracker = ct.Tracker()
        report = liar.read(
            tracker, line(speaker=slug, job_title="Social media posting")
        )
        actor = tracker.actor(slug)

        assert (ct.ActorKind.GROUP, liar.speaker_name(slug)) == (
            actor.kind,
            actor.name,
        )
        assert ("Social media posting", platforms) == (
            actor.role,
            actor.aliases,
        )
        assert [("line 1", f"speaker {slug!r} is no one person")] == [
            (f.where, f.message.split(":")[0]) for f in report.flags
        ]

    def test_people_are_not_flagged(self):
        """
        A person's line is not flagged.
        """
        assert () == liar.read(ct.Tracker(), PERRY).flags

    def test_empty_input(self):
        """
        An input with no line imports nothing, and says so.
        """
        report = liar.read(ct.Tracker(), "\n\n")

        assert [("$", "the input holds no statements: nothing to import")] == [
            (f.where, f.message) for f in report.flags
        ]


class TestTwice:
    """
    Importing the same lines twice adds nothing the second time.
    """

    def test_second_import_adds_nothing(self):
        """
        Ids and times are stable, so the second import adds no event.
        """
        text = f"{PERRY}\n{DOHERTY}\n{NRA}"
        tracker = ct.Tracker()
        first = liar.read(tracker, text)
        events = tracker.events()
        second = liar.read(tracker, text)

        assert first.added > 0
        assert 0 == second.added
        assert first.claims == second.claims
        assert events == tracker.events()


class TestErrors:
    """
    A bad line is an error naming its line and column; nothing is added.
    """

    @pytest.mark.parametrize(
        ("text", "field", "error"),
        [
            (PERRY + "\textra", "columns", ct.InvalidDocumentError),
            (PERRY.rsplit("\t", 1)[0], "columns", ct.InvalidDocumentError),
            (line(id=" "), "id", ct.InvalidDocumentError),
            (line(label=""), "label", ct.InvalidDocumentError),
            (line(statement=" "), "statement", ct.InvalidDocumentError),
            (line(speaker=""), "speaker", ct.InvalidDocumentError),
            (line(speaker="--"), "speaker", ct.InvalidDocumentError),
            (
                line(false_counts="x"),
                "false_counts",
                ct.InvalidDocumentError,
            ),
            (line(label="maybe"), "label", ct.UnknownLabelError),
        ],
    )
    def test_bad_line(self, text, field, error):
        """
        Too few or many columns, empty cells and bad values are refused.
        """
        tracker = ct.Tracker()
        tracker.add_actor(ct.Actor("someone", "Someone"))
        before = tracker.events()

        with pytest.raises(error) as e:
            liar.read(tracker, f"{DOHERTY}\n{text}\n")

        assert f"line 2.{field}" == e.value.field
        assert isinstance(e.value, ValueError)
        assert before == tracker.events()

    def test_message(self):
        """
        The message names the line, the column count and the columns.
        """
        with pytest.raises(ct.InvalidDocumentError) as e:
            liar.read(ct.Tracker(), "a\tb\n")

        assert str(e.value).startswith("line 1.columns=2: a LIAR line has 14")

    def test_empty_job_and_counts_are_fine(self):
        """
        Empty job titles, states, parties, counts and contexts are allowed.
        """
        text = line(
            job_title="",
            state="",
            party="",
            barely_true_counts="",
            context="",
        )
        tracker = ct.Tracker()
        liar.read(tracker, text)

        assert ("immigration",) == tracker.claim("liar-11972").tags

    def test_same_id_twice(self):
        """
        Two different lines with one id: the second is refused.
        """
        other = line(context="a speech")
        tracker = ct.Tracker()
        report = liar.read(tracker, f"{PERRY}\n{other}", lenient=True)

        assert ("liar-11972",) == report.claims
        (rejected,) = report.rejected
        assert "line 2.context" == rejected.error.field
        assert isinstance(rejected.error, ct.DuplicateIdError)

    def test_clash_with_tracker(self):
        """
        A different claim already in the tracker under the id is refused.
        """
        tracker = ct.Tracker()
        liar.read(tracker, PERRY)
        before = tracker.events()

        with pytest.raises(ct.DuplicateIdError) as e:
            liar.read(tracker, line(subjects="walls"))

        assert "line 1.id" == e.value.field
        assert before == tracker.events()

    def test_speaker_id_is_a_source(self):
        """
        A slug that is a source's id in the tracker is refused.
        """
        tracker = ct.Tracker()
        tracker.add_source(ct.Source("rick-perry"))

        with pytest.raises(ct.DuplicateIdError) as e:
            liar.read(tracker, PERRY)

        assert "line 1.speaker" == e.value.field
        assert "is the id of a source" in str(e.value)

    def test_bad_at(self):
        """
        A naive at= is refused before anything is read.
        """
        tracker = ct.Tracker()

        with pytest.raises(ct.InvalidDateError) as e:
            liar.read(tracker, PERRY, at=dt.datetime(2020, 1, 1))

        assert "at" == e.value.field
        assert [] == tracker.events()


# -- properties ------------------------------------------------------------

LABELS = ["true", "mostly-true", "half-true", "barely-true", "false"]
cells = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters=","
    ),
    max_size=12,
).map(str.strip)
slugs = st.from_regex(
    r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,5}){0,2}", fullmatch=True
)
rows = st.fixed_dictionaries(
    {
        "label": st.sampled_from([*LABELS, "pants-fire"]),
        "statement": cells.filter(bool),
        "subjects": st.lists(
            st.from_regex(r"[a-z][a-z\-]{0,8}", fullmatch=True),
            unique=True,
            max_size=3,
        ),
        "speaker": st.sampled_from(["rick-perry", "a1", "jo-b-c"]) | slugs,
        "job_title": cells,
        "state": cells,
        "party": st.sampled_from(["", "republican", "organization", "none"]),
        "counts": st.lists(
            st.integers(0, 500).map(str), min_size=5, max_size=5
        ),
        "context": cells,
    }
)
CORRUPTIONS = {
    "columns": lambda cells: cells[:-1],
    "extra": lambda cells: [*cells, "x"],
    "statement": lambda cells: [*cells[:2], " ", *cells[3:]],
    "speaker": lambda cells: [*cells[:4], "", *cells[5:]],
    "label": lambda cells: [cells[0], "maybe", *cells[2:]],
    "count": lambda cells: [*cells[:9], "1.5", *cells[10:]],
}


def to_cells(number, row):
    """
    The 14 cells of a drawn row, its id made from *number*.
    """
    return [
        f"{number}.json",
        row["label"],
        row["statement"],
        ",".join(row["subjects"]),
        row["speaker"],
        row["job_title"],
        row["state"],
        row["party"],
        *row["counts"],
        row["context"],
    ]


def to_tsv(rows, corruptions=None):
    """
    Write rows as LIAR lines, corrupting those given a corruption.
    """
    corruptions = corruptions or [None] * len(rows)
    lines = []
    for number, (row, bad) in enumerate(zip(rows, corruptions, strict=True)):
        cells = to_cells(number, row)
        if bad is not None:
            cells = CORRUPTIONS[bad](cells)
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


class TestProperties:
    """
    Random LIAR files import to exactly what they say.
    """

    @given(st.lists(rows, max_size=6))
    def test_fields_survive(self, drawn):
        """
        Each drawn row's fields are the claim's, actor's and verdict's.
        """
        tracker = ct.Tracker()
        report = liar.read(tracker, to_tsv(drawn))

        assert tuple(f"liar-{n}" for n in range(len(drawn))) == (report.claims)
        first = {}
        for number, row in enumerate(drawn):
            first.setdefault(row["speaker"], row)
            claim = tracker.claim(f"liar-{number}")
            described = [
                f"{key}:{row[column]}"
                for key, column in (
                    ("job", "job_title"),
                    ("state", "state"),
                    ("party", "party"),
                )
                if row[column]
            ]
            assert row["statement"] == claim.text
            assert row["speaker"] == claim.speaker
            assert (*row["subjects"], *described) == claim.tags
            assert row["label"] == tracker.verdict(claim).label
            if row["context"]:
                assert row["context"] == tracker.source(claim.source).title
            else:
                assert claim.source is None
        actors = {a.id: a for a in tracker.actors()}
        for speaker, row in first.items():
            actor = actors[speaker]
            assert (row["job_title"] or None) == actor.role
            assert (
                " ".join(p.capitalize() for p in speaker.split("-"))
                == actor.name
            )

    @given(
        st.lists(
            st.tuples(rows, st.none() | st.sampled_from(list(CORRUPTIONS))),
            max_size=6,
        )
    )
    def test_lenient_imports_exactly_the_good(self, mixed):
        """
        A lenient import takes the good lines and reports each bad one.
        """
        drawn = [row for row, _ in mixed]
        bad = [corruption for _, corruption in mixed]
        tracker = ct.Tracker()
        report = liar.read(tracker, to_tsv(drawn, bad), lenient=True)

        good = [n for n, b in enumerate(bad) if b is None]
        assert tuple(f"liar-{n}" for n in good) == report.claims
        assert [f"line {n + 1}" for n, b in enumerate(bad) if b] == [
            r.where for r in report.rejected
        ]
        assert [f"liar-{n}" for n in good] == [c.id for c in tracker]
        assert len(mixed) == report.records
        assert report.ok == (not any(bad))

    @given(
        st.lists(
            st.tuples(rows, st.none() | st.sampled_from(list(CORRUPTIONS))),
            min_size=1,
            max_size=6,
        ).filter(lambda m: any(b for _, b in m))
    )
    def test_strict_changes_nothing(self, mixed):
        """
        A strict import of a file with a bad line raises and adds nothing.
        """
        drawn = [row for row, _ in mixed]
        bad = [corruption for _, corruption in mixed]
        tracker = ct.Tracker()
        liar.read(tracker, PERRY)
        before = tracker.events()

        with pytest.raises(ct.ClaimtrackError) as e:
            liar.read(tracker, to_tsv(drawn, bad))

        first_bad = next(n for n, b in enumerate(bad) if b)
        assert e.value.field.startswith(f"line {first_bad + 1}.")
        assert before == tracker.events()
