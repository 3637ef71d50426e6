"""The year chart as plain geometry: bars split by reporting period, for an SVG template.

``year_chart`` turns the engine's year x period counts into rectangles with
their positions, heights, colours and labels; the template only draws them,
so the chart needs no JavaScript and each bar is a link.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from search.labels import quarter_label
from search.vocabulary import QUARTERS

WIDTH, HEIGHT, AXIS = 640, 180, 24
LABEL_WIDTH = 30  # room a year's label takes on the axis ("2015" at 11 px is about 26 units wide)
ROUND_STEPS = (1, 2, 5)  # a chart steps by one of these times a power of ten: every 2nd, 5th, 10th ... year, a value
# axis's lines at 20, 40 ... or 5000, 10000 ... (webapp.figures)
LONGEST_LABEL_STEP = 50  # the year axis labels every 50th year at the least
COLOURS = {"Q1": "#1d4e89", "Q2": "#2f6db5", "Q3": "#4f8fd6", "Q4": "#8cb8ea", "H1": "#2a7f62",
           "H2": "#5fb08f", "9M": "#b7791f", "FY": "#7b3f8c", None: "#9aa5b1"}


@dataclass
class Segment:
    period: str | None
    label: str
    count: int
    y: float
    height: float
    colour: str


@dataclass
class Bar:
    year: str
    total: int
    x: float
    width: float
    segments: list[Segment]
    selected: bool
    caption: str = ""  # what hover and screen readers say, when not "year: total" (webapp.trends)
    label: str = ""  # the year as the axis prints it: empty where labels would overlap (``label_years``)
    label_x: float = 0.0  # where its middle stands: under the bar, kept inside the chart at its ends


def year_chart(counts: dict[str, dict[str | None, int]], selected: list[str], lang: str) -> list[Bar]:
    """Bars for each year (oldest first), segments stacked in period order; a year between the first and the last
    with no bulletin is an empty bar, so the axis is one of time (2013, 2014, 2015, not 2013, 2015)."""
    if not counts:
        return []
    known = [int(year) for year in counts]
    years = [str(year) for year in range(min(known), max(known) + 1)]
    counts = {year: counts.get(year, {}) for year in years}
    peak = max(sum(c.values()) for c in counts.values()) or 1
    slot = WIDTH / len(years)
    width = max(4.0, min(48.0, slot * 0.7))
    bars = []
    for i, year in enumerate(years):
        bottom = HEIGHT - AXIS
        segments = []
        for period in [*QUARTERS, None]:
            count = counts[year].get(period, 0)
            if not count:
                continue
            height = (HEIGHT - AXIS - 12) * count / peak
            bottom -= height
            label = quarter_label(period, lang) if period else ("Period unknown" if lang == "en" else "Không rõ kỳ")
            segments.append(Segment(period, label, count, round(bottom, 1), round(height, 1), COLOURS[period]))
        bars.append(Bar(year, sum(counts[year].values()), round(i * slot + (slot - width) / 2, 1), round(width, 1),
                        segments, year in selected))
    return label_years(bars, slot)


def round_step(least: float) -> float:
    """The smallest of 1, 2 and 5 times a power of ten that is at least ``least`` (> 0).

    >>> round_step(1.8), round_step(2), round_step(0.03), round_step(21), round_step(2469)
    (2.0, 2.0, 0.05, 50.0, 5000.0)
    """
    power = 10.0 ** math.floor(math.log10(least))
    return next(step * power for step in (*ROUND_STEPS, 10) if step * power >= least * (1 - 1e-9))


def label_years(bars: list[Bar], slot: float) -> list[Bar]:
    """The bars with the axis labels that fit: every year when a label fits its slot, else the years on a round
    step (every 2nd, 5th, 10th ...: a span of decades reads 1990, 1995, ... 2025) and a selected year, too close to
    which no other label is printed; a bar without a label still says its year on hover and to screen readers.

    >>> bars = [Bar(str(2013 + i), 1, i * 10 + 3, 4, [], i == 4) for i in range(8)]  # slots of 10, 2017 selected
    >>> [bar.label for bar in label_years(bars, 10)]
    ['', '', '', '', '2017', '', '', '2020']
    """
    step = min(max(1, int(round_step(LABEL_WIDTH / slot))), LONGEST_LABEL_STEP)  # every year, or every 2nd, 5th ...
    # when their slots are narrower than a label
    chosen = [int(bar.year) for bar in bars if bar.selected]
    right = float("-inf")  # where the last label printed ends
    for bar in bars:
        year = int(bar.year)
        fits = year % step == 0 and all(abs(year - other) * slot >= LABEL_WIDTH for other in chosen)
        bar.label_x = round(min(max(bar.x + bar.width / 2, LABEL_WIDTH / 2), WIDTH - LABEL_WIDTH / 2), 1)
        fits = fits and bar.label_x - LABEL_WIDTH / 2 >= right - 0.01  # a label moved in from the chart's edge
        bar.label = bar.year if bar.selected or fits else ""
        right = bar.label_x + LABEL_WIDTH / 2 if bar.label else right
    return bars


def legend(bars: list[Bar]) -> list[Segment]:
    """One sample segment per period present, in period order, for the chart's key."""
    seen: dict = {}
    for bar in bars:
        for segment in bar.segments:
            seen.setdefault(segment.period, segment)
    order = [*QUARTERS, None]
    return sorted(seen.values(), key=lambda s: order.index(s.period))
