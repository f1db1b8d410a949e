"""
The report's pictures, as SVG: a timeline per speaker, and the graph.

Both are drawn here from the tracker's data alone, with a layout that
depends on nothing but the claims and their order, so that the same
tracker always gives the same picture. Every status has a shape as well as
a colour, and every relation a line style as well as a colour, so that
nothing is told by colour alone.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from typing import TYPE_CHECKING, Final

import attrs

from claimtrack._evidence import Status
from claimtrack._records import (
    RELATION_STYLES,
    RELATIONS,
    STATUS_COLOURS,
    Edge,
    clean,
    short,
)


if TYPE_CHECKING:
    from collections.abc import Iterable

    from claimtrack._dates import When
    from claimtrack._models import Claim
    from claimtrack._tracker import Tracker


__all__ = ["graph", "mark", "status_words", "timeline", "when_words"]

FONT: Final = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, "
    "sans-serif"
)
WIDTH: Final = 960
_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_LAST_DAY: Final = dt.date.max.toordinal()
_YEAR_STEPS: Final = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)

# Each status's shape, and whether it is filled.
_SHAPES: Final = {
    Status.UNVERIFIED: ("circle", False),
    Status.CORROBORATED: ("circle", True),
    Status.VERIFIED: ("square", True),
    Status.MOSTLY_TRUE: ("triangle", True),
    Status.MIXED: ("hexagon", True),
    Status.DISPUTED: ("diamond", True),
    Status.MOSTLY_FALSE: ("triangle-down", True),
    Status.REFUTED: ("cross", True),
    Status.FALSE: ("star", True),
    Status.UNPROVEN: ("square", False),
    Status.RETRACTED: ("slashed", False),
}


def _star() -> tuple[tuple[float, float], ...]:
    return tuple(
        (
            (1.2 if k % 2 == 0 else 0.5) * math.cos(math.pi * (k / 5 - 0.5)),
            (1.2 if k % 2 == 0 else 0.5) * math.sin(math.pi * (k / 5 - 0.5)),
        )
        for k in range(10)
    )


def _cross() -> tuple[tuple[float, float], ...]:
    a, r = 0.32, 1.15
    plus = (
        (-a, -r),
        (a, -r),
        (a, -a),
        (r, -a),
        (r, a),
        (a, a),
        (a, r),
        (-a, r),
        (-a, a),
        (-r, a),
        (-r, -a),
        (-a, -a),
    )
    turn = math.sqrt(0.5)
    return tuple(((x - y) * turn, (x + y) * turn) for x, y in plus)


_POLYGONS: Final = {
    "square": ((-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)),
    "diamond": ((0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)),
    "triangle": ((0, -1.15), (1.05, 0.8), (-1.05, 0.8)),
    "triangle-down": ((0, 1.15), (1.05, -0.8), (-1.05, -0.8)),
    "hexagon": tuple(
        (math.cos(math.pi * k / 3), math.sin(math.pi * k / 3))
        for k in range(6)
    ),
    "star": _star(),
    "cross": _cross(),
}


def _n(value: float) -> str:
    """
    A coordinate, to a tenth of a pixel, without a useless ".0".
    """
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def _e(text: object) -> str:
    """
    Text made safe for an SVG or HTML document, attribute or content.
    """
    return html.escape(clean(str(text)), quote=True)


def status_words(status: Status) -> str:
    """
    A status as words: "mostly true".
    """
    return status.value.replace("-", " ")


def when_words(when: When | None) -> str:
    """
    A date for people, with the words it was read from when they differ.
    """
    if when is None:
        return "undated"
    if when.text and when.text != when.isoformat():
        return f"{when.describe()} (\u201c{when.text}\u201d)"
    return when.describe()


def mark(status: Status, x: float, y: float, r: float) -> str:
    """
    The shape that stands for *status*, centred on (*x*, *y*).
    """
    colour = STATUS_COLOURS[status]
    shape, filled = _SHAPES[status]
    paint = (
        f'fill="{colour if filled else "#ffffff"}" stroke="{colour}" '
        'stroke-width="2" stroke-linejoin="round"'
    )
    if shape in _POLYGONS:
        points = " ".join(
            f"{_n(x + px * r)},{_n(y + py * r)}" for px, py in _POLYGONS[shape]
        )
        return f'<polygon points="{points}" {paint}/>'
    circle = f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {paint}/>'
    if shape == "slashed":
        d = r * 0.7
        circle += (
            f'<line x1="{_n(x - d)}" y1="{_n(y + d)}" x2="{_n(x + d)}" '
            f'y2="{_n(y - d)}" stroke="{colour}" stroke-width="2"/>'
        )
    return circle


def _text_width(text: str, size: float = 12) -> float:
    return len(text) * size * 0.6


def _legend(statuses: Iterable[Status], y: float) -> tuple[list[str], float]:
    """
    A key to the status shapes, in rows from *y*; and its height.
    """
    parts: list[str] = []
    x, row = 16.0, y
    for status in statuses:
        words = status_words(status)
        width = 24 + _text_width(words) + 18
        if x + width > WIDTH - 16:
            x, row = 16.0, row + 22
        parts.append(
            f'<g class="legend-status" data-status="{status.value}">'
            f"{mark(status, x + 8, row, 6)}"
            f'<text x="{_n(x + 20)}" y="{_n(row + 4)}">{words}</text></g>'
        )
        x += width
    return parts, row - y + 22 if parts else 0


def _svg(name: str, width: float, height: float, title: str, desc: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{name}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" width="{_n(width)}" '
        f'height="{_n(height)}" role="img" '
        f'aria-labelledby="ct-{name}-title ct-{name}-desc" '
        f'font-family="{FONT}" font-size="12" fill="#111827">'
        f'<title id="ct-{name}-title">{_e(title)}</title>'
        f'<desc id="ct-{name}-desc">{_e(desc)}</desc>'
    )


def _empty(name: str, title: str) -> str:
    return (
        _svg(name, WIDTH, 48, title, "There are no claims to show.")
        + '<text x="16" y="28">No claims to show.</text></svg>'
    )


def _claim_title(
    tracker: Tracker, claim: Claim, number: int, status: Status
) -> str:
    who = tracker.actor(claim.speaker).label
    return (
        f"C{number} \u00b7 {who} \u00b7 {when_words(claim.said)} \u00b7 "
        f"{status_words(status)}: {claim.text}"
    )


def _linked(body: str, number: int, *, links: bool) -> str:
    return f'<a href="#claim-{number}">{body}</a>' if links else body


# -- the timeline ------------------------------------------------------------


@attrs.frozen
class _Mark:
    claim: Claim
    number: int
    status: Status
    start: float  # the bar's ends, or the point twice
    end: float
    label_x: float

    @property
    def left(self) -> float:
        return min(self.start, (self.start + self.end) / 2 - 8) - 2

    @property
    def right(self) -> float:
        return self.label_x + _text_width(f"C{self.number}") + 8


def _lanes(marks: list[_Mark]) -> list[list[_Mark]]:
    """
    Stack marks that would overlap: the first lane each fits in, in order.
    """
    lanes: list[list[_Mark]] = []
    for item in sorted(marks, key=lambda m: (m.left, m.number)):
        for lane in lanes:
            if lane[-1].right <= item.left:
                lane.append(item)
                break
        else:
            lanes.append([item])
    return lanes


def _ticks(low: int, high: int) -> list[tuple[float, str]]:
    """
    Where to mark the axis from day *low* to day *high*, and the labels.
    """
    span = high - low
    first = dt.date.fromordinal(max(low, 1))
    last = dt.date.fromordinal(min(high - 1, _LAST_DAY))
    ticks: list[tuple[float, str]] = []
    if span <= 120:  # noqa: PLR2004 -- days, up to about four months
        step = next(s for s in (1, 2, 7, 14, 28) if span / s <= 12)  # noqa: PLR2004
        day, year = first, None
        while day <= last:
            label = f"{day.day} {_MONTHS[day.month - 1]}"
            if day.year != year:
                label, year = f"{label} {day.year}", day.year
            ticks.append((day.toordinal() + 0.5, label))
            if day.toordinal() + step > _LAST_DAY:
                break
            day += dt.timedelta(days=step)
        return ticks
    if span <= 6 * 366:
        step = next(s for s in (1, 2, 3, 6, 12) if span / 30.4 / s <= 12)  # noqa: PLR2004
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            start = dt.date(year, month, 1)
            if start >= first and (month - 1) % step == 0:
                ticks.append(
                    (start.toordinal(), f"{_MONTHS[month - 1]} {year}")
                )
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)  # noqa: PLR2004
        return ticks
    step = next(s for s in _YEAR_STEPS if span / 365.25 / s <= 12)  # noqa: PLR2004
    for year in range(first.year, last.year + 1):
        start = dt.date(year, 1, 1)
        if start >= first and year % step == 0:
            ticks.append((start.toordinal(), str(year)))
    return ticks


@attrs.frozen
class _Axis:
    """
    The timeline's horizontal scale, and a column for undated claims.

    Days from *low* to *high* (exclusive, as ordinals) are drawn from
    *left* to *right*; the undated column comes after *right*.
    """

    low: int
    high: int
    left: float
    right: float
    dated: bool
    undated: bool

    @classmethod
    def of(cls, claims: list[Claim]) -> _Axis:
        said = [c.said for c in claims if c.said is not None]
        undated = len(said) < len(claims)
        right = WIDTH - 16.0 - (104 if undated else 0)
        if not said:
            return cls(0, 1, 200.0, right, dated=False, undated=undated)
        low = min(w.earliest.toordinal() for w in said)
        high = max(w.latest.toordinal() for w in said) + 1
        pad = max(1, round((high - low) * 0.04))
        return cls(
            low - pad, high + pad, 200.0, right, dated=True, undated=undated
        )

    def x(self, day: float) -> float:
        """
        Where the start of day *day* (an ordinal) is drawn.
        """
        share = (day - self.low) / (self.high - self.low)
        return self.left + share * (self.right - self.left)

    def place(self, tracker: Tracker, claim: Claim, number: int) -> _Mark:
        """
        Where a claim's mark goes: a point, or a bar across its period.
        """
        said = claim.said
        start: float
        if said is None:
            start = end = self.right + 40
        elif said.date is not None:
            start = end = self.x(said.earliest.toordinal() + 0.5)
        else:
            start = self.x(said.earliest.toordinal())
            end = max(self.x(said.latest.toordinal() + 1), start + 4)
        label_x = max(end, (start + end) / 2 + 8) + 4
        status = tracker.status(claim)
        return _Mark(claim, number, status, start, end, label_x)

    def svg(self, bottom: float) -> str:
        """
        The axis along *bottom*, its ticks and grid, and the undated column.
        """
        axis = [
            (
                f'<line x1="{_n(self.left)}" y1="{_n(bottom)}" '
                f'x2="{_n(self.right)}" y2="{_n(bottom)}" stroke="#6b7280"/>'
            )
        ]
        if self.dated:
            for where, label in _ticks(self.low, self.high):
                tick = _n(self.x(where))
                axis.append(
                    f'<line x1="{tick}" y1="8" x2="{tick}" '
                    f'y2="{_n(bottom + 4)}" stroke="#d1d5db"/>'
                    f'<text x="{tick}" y="{_n(bottom + 18)}" '
                    f'text-anchor="middle" font-size="11">{label}</text>'
                )
        else:
            axis.append(
                f'<text x="{_n(self.left)}" y="{_n(bottom + 18)}" '
                'font-size="11">No claim has a date.</text>'
            )
        if self.undated:
            at = self.right + 8
            axis.append(
                f'<line x1="{_n(at)}" y1="8" x2="{_n(at)}" '
                f'y2="{_n(bottom + 4)}" stroke="#9ca3af" '
                'stroke-dasharray="4 3"/>'
                f'<text x="{_n(at + 48)}" y="{_n(bottom + 18)}" '
                'text-anchor="middle" font-size="11">undated</text>'
            )
        return "".join(axis)


def _speaker_row(
    tracker: Tracker,
    actor_id: str,
    marks: list[_Mark],
    y: float,
    *,
    shade: bool,
    links: bool,
) -> tuple[str, float]:
    """
    A speaker's row from *y*, its marks stacked in lanes; and its height.
    """
    actor = tracker.actor(actor_id)
    lanes = _lanes(marks)
    height = len(lanes) * 24 + 12
    parts = [
        (
            f'<g class="speaker" data-speaker="{_e(actor.id)}">'
            f"<title>{_e(actor.label)}</title>"
            f'<rect x="8" y="{_n(y)}" width="{WIDTH - 16}" '
            f'height="{_n(height)}" rx="4" '
            f'fill="{"#f3f4f6" if shade else "#f9fafb"}"/>'
            f'<text x="16" y="{_n(y + 18)}" font-weight="600">'
            f"{_e(short(actor.label, 26))}</text>"
            f'<text x="16" y="{_n(y + 33)}" fill="#4b5563" font-size="11">'
            f"{len(marks)} claim{'' if len(marks) == 1 else 's'}</text>"
        )
    ]
    for k, lane in enumerate(lanes):
        parts.extend(
            _timeline_mark(tracker, item, y + 18 + k * 24, links=links)
            for item in lane
        )
    parts.append("</g>")
    return "".join(parts), height


def timeline(
    tracker: Tracker,
    claims: list[Claim],
    numbers: dict[str, int],
    *,
    links: bool,
) -> str:
    """
    A row per speaker, each claim marked where it was said.

    A claim said on a known day is a point; one said within a longer
    period (a month, a year, a range) is a bar across it, with the point at
    its middle. Undated claims are marked in a column of their own.
    """
    title = "Timeline of the claims, a row per speaker"
    if not claims:
        return _empty("timeline", title)
    axis = _Axis.of(claims)
    speakers = list(dict.fromkeys(c.speaker for c in claims))
    speakers.sort(key=[a.id for a in tracker.actors()].index)
    rows: list[str] = []
    y = 12.0
    for n, speaker in enumerate(speakers):
        marks = [
            axis.place(tracker, c, numbers[c.id])
            for c in claims
            if c.speaker == speaker
        ]
        row, height = _speaker_row(
            tracker, speaker, marks, y, shade=n % 2 == 1, links=links
        )
        rows.append(row)
        y += height + 4
    statuses = sorted(
        {tracker.status(c) for c in claims}, key=list(Status).index
    )
    legend, legend_height = _legend(statuses, y + 44)
    desc = (
        "Each row is a speaker. A point marks a claim said on a known day; "
        "a bar marks a claim said within a longer period, such as a month "
        "or a range of days. The shape and colour of a mark give the "
        "claim's status, as the key below explains; each mark is labelled "
        "with the claim's number."
    )
    return (
        _svg("timeline", WIDTH, y + 44 + legend_height, title, desc)
        + axis.svg(y)
        + "".join(rows)
        + '<g class="legend">'
        + "".join(legend)
        + "</g></svg>"
    )


def _timeline_mark(
    tracker: Tracker, item: _Mark, y: float, *, links: bool
) -> str:
    claim = item.claim
    middle = (item.start + item.end) / 2
    colour = STATUS_COLOURS[item.status]
    precision = claim.said.precision.value if claim.said else "undated"
    bar = ""
    if item.end > item.start:
        bar = (
            f'<rect x="{_n(item.start)}" y="{_n(y - 5)}" '
            f'width="{_n(item.end - item.start)}" height="10" rx="5" '
            f'fill="{colour}" fill-opacity="0.25" stroke="{colour}"/>'
        )
    body = (
        f'<g class="claim-mark" data-claim="{_e(claim.id)}" '
        f'data-status="{item.status.value}" data-precision="{precision}">'
        f"<title>{_e(_claim_title(tracker, claim, item.number, item.status))}"
        f"</title>{bar}{mark(item.status, middle, y, 6)}"
        f'<text x="{_n(item.label_x)}" y="{_n(y + 4)}" font-size="11">'
        f"C{item.number}</text></g>"
    )
    return _linked(body, item.number, links=links)


# -- the graph ---------------------------------------------------------------

_RELATION_WORDS: Final = {
    "supports": "supports",
    "refutes": "refutes",
    "context": "gives context to",
    "contradicts": "contradicts",
}
_NODE_RADIUS: Final = 9.0


def _defs() -> str:
    arrows = "".join(
        f'<marker id="ct-arrow-{relation}" viewBox="0 0 10 10" refX="9" '
        'refY="5" markerWidth="7" markerHeight="7" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" '
        f'fill="{RELATION_STYLES[relation][0]}"/>'
        "</marker>"
        for relation in RELATIONS[:3]
    )
    colour = RELATION_STYLES["contradicts"][0]
    cross = (
        '<marker id="ct-cross" viewBox="0 0 10 10" refX="5" refY="5" '
        'markerWidth="9" markerHeight="9" orient="auto">'
        '<path d="M1,1 L9,9 M9,1 L1,9" stroke="'
        f'{colour}" stroke-width="2"/></marker>'
    )
    return f"<defs>{arrows}{cross}</defs>"


def _curve(
    a: tuple[float, float], b: tuple[float, float], bend: float, edge: Edge
) -> str:
    """
    The path of *edge* from *a* to *b*, bent sideways by *bend* pixels.

    It is drawn in two halves so that the contradiction's cross (a marker
    on the middle vertex) sits halfway, and it stops at the nodes' edges.
    """
    (ax, ay), (bx, by) = a, b
    length = math.hypot(bx - ax, by - ay)
    nx, ny = (ay - by) / length, (bx - ax) / length
    cx, cy = (ax + bx) / 2 + nx * bend, (ay + by) / 2 + ny * bend

    def towards(px: float, py: float, gap: float) -> tuple[float, float]:
        d = math.hypot(cx - px, cy - py)
        return px + (cx - px) * gap / d, py + (cy - py) * gap / d

    ax, ay = towards(ax, ay, _NODE_RADIUS + 2)
    bx, by = towards(bx, by, _NODE_RADIUS + 3)
    mx, my = (ax + 2 * cx + bx) / 4, (ay + 2 * cy + by) / 4
    colour, dashes, _ = RELATION_STYLES[edge.relation]
    marker = (
        f'marker-end="url(#ct-arrow-{edge.relation})"'
        if edge.directed
        else 'marker-mid="url(#ct-cross)"'
    )
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    return (
        f'<path d="M{_n(ax)},{_n(ay)} Q{_n((ax + cx) / 2)},{_n((ay + cy) / 2)}'
        f" {_n(mx)},{_n(my)} Q{_n((cx + bx) / 2)},{_n((cy + by) / 2)} "
        f'{_n(bx)},{_n(by)}" fill="none" stroke="{colour}" '
        f'stroke-width="2"{dash} {marker}/>'
    )


def graph(
    tracker: Tracker,
    claims: list[Claim],
    numbers: dict[str, int],
    edges: list[Edge],
    *,
    links: bool,
) -> str:
    """
    The claims around a circle, grouped by speaker, and the links between.

    An arrow goes from a claim cited as evidence to the claim it supports
    (solid), refutes (dashed) or gives context to (dotted); a dash-dot line
    with a cross at its middle joins two claims that contradict each
    other. Several links between the same two claims bend apart.
    """
    title = "Support and contradiction between the claims"
    if not claims:
        return _empty("graph", title)
    speakers = {actor.id: n for n, actor in enumerate(tracker.actors())}
    order = sorted(claims, key=lambda c: (speakers[c.speaker], numbers[c.id]))
    count = len(order)
    radius = max(130.0, count * 30 / (2 * math.pi))
    width = max(WIDTH, 2 * radius + 2 * 270)
    centre_x, centre_y = width / 2, 40 + radius
    places: dict[str, tuple[float, float, float]] = {}
    for k, claim in enumerate(order):
        angle = 2 * math.pi * k / count - math.pi / 2
        places[claim.id] = (
            centre_x + radius * math.cos(angle),
            centre_y + radius * math.sin(angle),
            angle,
        )
    parts = [_defs()]
    pairs: dict[frozenset[str], list[Edge]] = {}
    for edge in edges:
        pairs.setdefault(frozenset((edge.source, edge.target)), []).append(
            edge
        )
    for edge in edges:
        group = pairs[frozenset((edge.source, edge.target))]
        bend = (group.index(edge) - (len(group) - 1) / 2) * 22
        if edge.source > edge.target:
            bend = -bend  # the same side, whichever way the edge goes
        a, b = places[edge.source], places[edge.target]
        words = (
            f"C{numbers[edge.source]} {_RELATION_WORDS[edge.relation]} "
            f"C{numbers[edge.target]}"
            + (f" ({edge.kind})" if edge.kind else "")
            + (f": {edge.note}" if edge.note else "")
        )
        parts.append(
            f'<g class="edge" data-relation="{edge.relation}" '
            f'data-source="{_e(edge.source)}" data-target="{_e(edge.target)}">'
            f"<title>{_e(words)}</title>"
            f"{_curve(a[:2], b[:2], bend, edge)}</g>"
        )
    for claim in order:
        x, y, angle = places[claim.id]
        status = tracker.status(claim)
        number = numbers[claim.id]
        cos, sin = math.cos(angle), math.sin(angle)
        lx = x + (_NODE_RADIUS + 7) * cos
        ly = y + (_NODE_RADIUS + 7) * sin + 4
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"  # noqa: PLR2004
        if anchor == "middle":
            ly += 8 if sin > 0 else -6
        body = (
            f'<g class="node" data-claim="{_e(claim.id)}" '
            f'data-status="{status.value}">'
            f"<title>{_e(_claim_title(tracker, claim, number, status))}"
            f"</title>{mark(status, x, y, _NODE_RADIUS)}"
            f'<text x="{_n(lx)}" y="{_n(ly)}" text-anchor="{anchor}" '
            f'font-size="11"><tspan font-weight="600">C{number}</tspan> '
            f"{_e(short(claim.text, 36))}</text></g>"
        )
        parts.append(_linked(body, number, links=links))
    y = centre_y + radius + 44
    key = []
    x = 16.0
    for relation in RELATIONS:
        words = _RELATION_WORDS[relation]
        sample = Edge("a", "b", relation, None, "", "")
        key.append(
            f'<g class="legend-relation" data-relation="{relation}">'
            f"{_curve((x, y), (x + 48, y), 0, sample)}"
            f'<text x="{_n(x + 56)}" y="{_n(y + 4)}">{words}</text></g>'
        )
        x += 56 + _text_width(words) + 24
    statuses = sorted(
        {tracker.status(c) for c in claims}, key=list(Status).index
    )
    legend, legend_height = _legend(statuses, y + 26)
    height = y + 26 + legend_height
    desc = (
        f"{count} claim{'' if count == 1 else 's'} around a circle, "
        "grouped by speaker and numbered as in the tables; each one's shape "
        "and colour give its status. An arrow goes from a claim cited as "
        "evidence to the claim it supports (solid line), refutes (dashed) "
        "or gives context to (dotted); a dash-dot line with a cross at its "
        "middle joins two claims that contradict each other."
    )
    return (
        _svg("graph", width, height, title, desc)
        + "".join(parts)
        + '<g class="legend">'
        + "".join(key)
        + "".join(legend)
        + "</g></svg>"
    )
