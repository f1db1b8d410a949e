"""
Small trackers with everything a report shows, for the report tests.

Text is often hostile: markup, quotes, Markdown, control characters, so
that escaping is tested everywhere a string ends up.
"""

import datetime as dt

from hypothesis import strategies as st

import claimtrack as ct


AT = "2025-02-04T18:00:00+00:00"
HOSTILE = [
    '<script>alert("x")</script>',
    'Tom & Jerry\'s "deal"',
    "| a | b |",
    "*bold* _it_ `code` ~x~",
    "[link](https://evil.example/) ![img](https://evil.example/i.png)",
    "back\\slash\\",
    "line\nbreak\r\nand\ttab",
    "ctrl\x01\x07\x1b\ufffe",
    "# heading",
    "$x$ &amp; &lt;b&gt;",
    "]]> --> <!-- x",
    "é ñ م न 中文 \U0001f600",
]
texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
        min_size=1,
        max_size=30,
    ).filter(str.strip),
)
URLS = [
    "https://example.org/a?b=1&c=<2>",
    'http://x.example/"q" (1)',
    "https://x.example/a b\\c",
]


@st.composite
def whens(draw):
    """
    A date of any precision, or None, from the year 1 to 9999.
    """
    day = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    near = st.dates(dt.date(2024, 12, 1), dt.date(2025, 3, 31))
    kind = draw(st.sampled_from(["none", "day", "month", "year", "range"]))
    pick = draw(st.sampled_from([near, day]))
    if kind == "none":
        return None
    if kind == "day":
        return ct.When.day(
            draw(pick), text=draw(st.sampled_from(["", "Monday"]))
        )
    if kind == "month":
        d = draw(pick)
        return ct.When.month(d.year, d.month)
    if kind == "year":
        return ct.When.year(draw(pick).year)
    a, b = sorted([draw(pick), draw(pick)])
    if a == b:
        return ct.When.day(a)
    return ct.When.between(a, b, text="early February")


@st.composite
def trackers(draw, max_claims=7):
    """
    A tracker with actors, sources, claims, evidence, links and verdicts.
    """
    tracker = ct.Tracker()
    tracker.declare(ct.Predicate("status", single_valued=True), by="t", at=AT)
    ids = draw(
        st.lists(
            st.one_of(
                st.sampled_from(HOSTILE),
                st.from_regex(r"[a-z]{1,8}", fullmatch=True),
            ),
            min_size=3 + max_claims,
            max_size=3 + max_claims,
            unique=True,
        )
    )
    actors = [
        tracker.add_actor(
            ct.Actor(
                ids.pop(),
                "A " + draw(texts),
                role=draw(st.none() | texts.map("R {}".format)),
            ),
            by="t",
            at=AT,
        )
        for _ in range(draw(st.integers(1, 2)))
    ]
    sources = [
        tracker.add_source(
            ct.Source(
                ids.pop(),
                title=draw(st.none() | texts),
                publisher=draw(st.none() | texts),
                url=draw(st.none() | st.sampled_from(URLS)),
                published=draw(whens()),
            ),
            by="t",
            at=AT,
        )
        for _ in range(draw(st.integers(0, 1)))
    ]
    claims = []
    for _ in range(draw(st.integers(0, max_claims))):
        proposition = None
        if draw(st.booleans()):
            proposition = ct.Proposition(
                "deal",
                "status",
                draw(st.sampled_from(["agreed", "finalizing"])),
                polarity=draw(st.sampled_from(list(ct.Polarity))),
            )
        claims.append(
            tracker.add_claim(
                draw(texts),
                id=ids.pop(),
                speaker=draw(st.sampled_from(actors)),
                said=draw(whens()),
                source=draw(st.none() | st.sampled_from(sources))
                if sources
                else None,
                proposition=proposition,
                tags=draw(st.lists(texts, max_size=2, unique=True)),
                by="t",
                at=AT,
            )
        )
    if len(claims) >= 2:
        for _ in range(draw(st.integers(0, 4))):
            a, b = draw(
                st.lists(
                    st.sampled_from(claims),
                    min_size=2,
                    max_size=2,
                    unique=True,
                )
            )
            what = draw(
                st.sampled_from(["supports", "refutes", "context", "link"])
            )
            if what == "link":
                tracker.contradict(a, b, by="t", at=AT, note=draw(texts))
            else:
                tracker.corroborate(
                    a, evidence=b, stance=what, by="t", at=AT, note=draw(texts)
                )
    for claim in claims:
        if draw(st.booleans()):
            tracker.corroborate(
                claim,
                evidence=draw(st.sampled_from(URLS)),
                stance="context",
                by="t",
                at=AT,
            )
        if draw(st.booleans()):
            tracker.rate(
                claim,
                draw(
                    st.sampled_from(
                        [label for label, _ in ct.scales.CLAIMTRACK.labels]
                    )
                ),
                by="t",
                at=AT,
                rationale=draw(st.none() | texts),
            )
        if draw(st.integers(0, 9)) == 0:
            tracker.retract(claim, by="t", at=AT)
    return tracker
