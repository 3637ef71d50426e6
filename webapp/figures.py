"""The ``figures`` blueprint: the figures bulletins report, as one indicator's table of scope x period.

``/api/figures`` (JSON), ``/figures.csv`` and ``/figures.jsonl`` (every figure of the indicator, at most
``EXPORT_LIMIT``, through the export code path of ``webapp.api``) and ``/figures`` (page) render one answer of
``SearchEngine.figures`` for the search's query and filters (``webapp.params``) plus ``indicator`` and
``unit``. Each value links to its bulletin with ``figure=<start>-<end>``, which the bulletin page marks
(``figure_text``); the page draws the indicator over time for the selected provinces as a server-rendered
SVG (``figure_chart``: plain geometry, as the year chart).
"""

from __future__ import annotations

import calendar
import math
from datetime import date
from urllib.parse import quote, urlencode

from flask import Blueprint, current_app, jsonify, render_template, request
from markupsafe import Markup, escape

from search.figures import UNITS, indicator_data, indicator_label
from search.labels import quarter_label
from search.models import RequestError, SearchRequest
from search.textnorm import folded_key

from .api import csv_response, jsonl_response
from .chart import round_step
from .params import SearchState, search_request

bp = Blueprint("figures", __name__)
EXPORT_FIELDS = ("id", "title", "url", "published", "indicator", "value", "unit", "period", "year", "scope",
                 "scope_level", "start", "end", "sentence", "province")  # province last: added after the others
CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN, CHART_LINES = 640, 200, 40, 6
LINE_COLOURS = ("#1d4e89", "#b7791f", "#2a7f62", "#7b3f8c", "#c0392b", "#5f6b7a")


def _engine():
    from . import engine_of

    return engine_of(current_app)


def _request() -> SearchRequest:
    return search_request(request.args, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"])


def figure_options(args) -> tuple[str | None, str | None]:
    """(indicator, unit) of a URL; ``RequestError`` naming the bad one."""
    indicator = (args.get("indicator") or "").strip() or None
    unit = (args.get("unit") or "").strip() or None
    codes = list(indicator_data()["indicators"])
    if indicator is not None and indicator not in codes:
        raise RequestError("indicator", "unknown_choice", name="indicator", value=indicator[:40],
                           choices=", ".join(codes))
    if unit is not None and unit not in UNITS:
        raise RequestError("unit", "unknown_choice", name="unit", value=unit[:20], choices=", ".join(UNITS))
    return indicator, unit


def figures_answer(search: SearchRequest, indicator: str | None, unit: str | None,
                   limit: int | None = None) -> dict:
    """The engine's answer with the query, the page and the indicators as facet buckets."""
    answer = dict(_engine().figures(search, indicator, unit, limit))
    counts = answer["indicators"]
    answer["indicators"] = [{"value": code, "label": indicator_label(code, search.lang),
                             "count": counts.get(code, 0), "selected": code == indicator}
                            for code in indicator_data()["indicators"] if counts.get(code) or code == indicator]
    answer["label"] = indicator_label(indicator, search.lang) if indicator else None
    return {"query": search.query, "page": search.page, "per_page": search.per_page, **answer}


def figure_url(doc_id: str, start: int, end: int, lang: str | None = None) -> str:
    """A bulletin's page with one sentence marked and scrolled to; for a figure of the headline (``start`` and
    ``end`` 0), the page itself, whose top shows the headline."""
    page = f"/documents/{quote(doc_id, safe='/')}"
    if start == end == 0:
        return f"{page}?{urlencode([('lang', lang)])}" if lang else page
    pairs = [("figure", f"{start}-{end}")] + ([("lang", lang)] if lang else [])
    return f"{page}?{urlencode(pairs)}#figure-{start}"


def figure_span(value: str | None, text: str) -> tuple[int, int] | None:
    """The ``figure=<start>-<end>`` of a bulletin page, checked against its text; ``RequestError`` if bad."""
    if not value:
        return None
    parts = value.split("-")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) < 10 for p in parts):
        raise RequestError("figure", "bad_figure", value=value[:30])
    start, end = int(parts[0]), int(parts[1])
    if not start < end <= len(text):
        raise RequestError("figure", "figure_outside", start=start, end=end, length=len(text))
    return start, end


def figure_text(text: str, span: tuple[int, int]) -> Markup:
    """The text with the sentence at ``span`` in a ``<mark>`` the page scrolls to."""
    start, end = span
    return Markup("{}<mark class=\"figure-sentence\" id=\"figure-{}\" tabindex=\"-1\">{}</mark>{}").format(
        escape(text[:start]), start, escape(text[start:end]), escape(text[end:]))


def figure_chart(answer: dict, provinces: list[str], lang: str) -> dict:
    """Lines of the indicator over time (one per province: the selected ones, else the most reported)."""
    columns, rows = answer["columns"], [r for r in answer["rows"] if r["scope_level"] == "province"]
    if provinces:
        rows = [r for r in rows if r["scope"] in provinces]
    drawable = len(rows)
    rows = sorted(rows, key=lambda r: -sum(c is not None for c in r["cells"]))[:CHART_LINES]
    values = [c["value"] for r in rows for c in r["cells"] if c]
    if not columns or not values:
        return {"lines": [], "ticks": []}
    low, high = value_range(values, answer["unit"])
    grid = value_ticks(low, high)
    low, high = rounded_range(grid, values, answer["unit"])
    shown = [i for i in range(len(columns)) if any(r["cells"][i] for r in rows)]  # the periods the lines have
    at = time_positions({i: columns[i] for i in shown}, CHART_MARGIN, CHART_WIDTH - CHART_MARGIN)

    span = CHART_HEIGHT - 2 * CHART_MARGIN

    def y(value):
        return round(CHART_HEIGHT - CHART_MARGIN - (value - low) / (high - low or 1) * span, 1)

    lines = []
    for n, row in enumerate(rows):
        points = [{"x": at[i], "y": y(c["value"]), "value": c["value"],
                   "label": f"{row['scope']}, {_column_label(columns[i], lang)}: {number(c['value'], lang)}",
                   "url": figure_url(c["id"], c["start"], c["end"], lang)}
                  for i, c in enumerate(row["cells"]) if c]
        lines.append({"scope": row["scope"], "colour": LINE_COLOURS[n % len(LINE_COLOURS)], "points": points,
                      "path": " ".join(f"{p['x']},{p['y']}" for p in points)})
    labelled = [(at[i], axis_label(columns[i], lang)) for i in shown]
    grid = [value for value in grid if low <= value <= high]
    return {"lines": lines, "ticks": axis_ticks(labelled), "narrow_ticks": axis_ticks(labelled, NARROW_SCALE),
            "values": [{"y": y(value), "label": number(value, lang) + ("%" if answer["unit"] == "%" else ""),
                        "narrow": n % 2 == (len(grid) - 1) % 2}  # on a phone every other line is labelled, the top one
                       for n, value in enumerate(grid)], "drawable": drawable}


def time_positions(columns: dict[int, dict], left: float, right: float) -> dict[int, float]:
    """Where each period stands on the chart's time axis: at its end (Q1 2024 at 2024.25, a span of days at its
    last day, a year at its end), in proportion between the first and the last (one period alone: the middle).

    >>> time_positions({0: {"year": 2018, "period": "FY"}, 1: {"year": 2019, "period": "FY"},
    ...                 2: {"year": 2022, "period": "FY"}}, 40, 600)
    {0: 40.0, 1: 180.0, 2: 600.0}
    """
    when = {i: period_end(c["year"], c["period"]) for i, c in columns.items()}
    first, last = min(when.values(), default=0), max(when.values(), default=0)
    if last == first:
        return {i: round((left + right) / 2, 1) for i in when}
    return {i: round(left + (t - first) / (last - first) * (right - left), 1) for i, t in when.items()}


PERIOD_END_MONTH = {"Q1": 3, "Q2": 6, "H1": 6, "Q3": 9, "9M": 9, "Q4": 12, "H2": 12, "FY": 12}


def period_end(year: int, period: str | None) -> float:
    """When a period ends, in years: 2024.25 for Q1 2024 (and for a span of days ending 31 March, or March
    itself), the year's end for a year alone.

    >>> period_end(2024, "Q2"), period_end(2024, "month:2024-06"), period_end(2024, "H1")
    (2024.5, 2024.5, 2024.5)
    >>> period_end(2024, "range:2024-01-01..2024-03-01") < period_end(2024, "Q1")
    True
    """
    if period and period.startswith("range:"):
        last = date.fromisoformat(period.split("..")[1])
        return last.year + last.timetuple().tm_yday / (366 if calendar.isleap(last.year) else 365)
    if period and period.startswith("month:"):
        return int(period[6:10]) + int(period[11:13]) / 12
    return year + PERIOD_END_MONTH.get(period or "", 12) / 12


def value_range(values: list[float], unit: str | None) -> tuple[float, float]:
    """The chart's vertical range: from 0 when the values come near it (a count, a rank), else around them with a
    tenth of their spread to spare, in whole numbers (shares between 90 and 99.5% fill the chart instead of its
    top tenth), a share never past 0 or 100.

    >>> value_range([1439.0, 12345.0], "count"), value_range([90.5, 99.5], "%"), value_range([98.5], "%")
    ((0.0, 12345.0), (89.0, 100.0), (93.0, 100.0))
    >>> value_range([96.0, 102.5], "%"), value_range([0.0, 0.0], "count")  # a share misread past 100 inside
    ((95.0, 102.5), (0.0, 1.0))
    """
    bottom, top = min(values), max(values)
    if bottom >= 0 and (bottom < top / 2 or top == 0):
        return 0.0, top or 1.0
    spare = (top - bottom) / 10 or abs(top) / 20 or 1.0
    low, high = float(math.floor(bottom - spare)), float(math.ceil(top + spare))
    if unit == "%":
        low, high = max(low, min(0.0, bottom)), min(high, max(100.0, top))  # never past a value itself
    return low, high


MOST_VALUE_STEPS = 5  # at most this many intervals between its lines


def value_ticks(low: float, high: float, most: int = MOST_VALUE_STEPS) -> list[float]:
    """The round values the value axis draws a line at, from ``low`` rounded down to ``high`` rounded up: the
    smallest step of 1, 2 or 5 times a power of ten (``chart.round_step``) that makes at most ``most`` intervals.

    >>> value_ticks(0, 96.0), value_ticks(89.0, 100.0), value_ticks(0, 12345.0), value_ticks(1.0, 1.0)
    ([0.0, 20.0, 40.0, 60.0, 80.0, 100.0], [85.0, 90.0, 95.0, 100.0], [0.0, 5000.0, 10000.0, 15000.0], [1.0])
    """
    if high <= low:
        return [float(low)]
    step = round_step((high - low) / most)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return [round(n * step, 10) for n in range(first, last + 1)]


def rounded_range(ticks: list[float], values: list[float], unit: str | None) -> tuple[float, float]:
    """The chart's range: from the value axis's first line to its last (a share still never past 0 or 100
    beyond its values).

    >>> rounded_range([85.0, 90.0, 95.0, 100.0], [89.0, 99.5], "%"), rounded_range([100.0, 105.0], [102.5], "%")
    ((85.0, 100.0), (100.0, 102.5))
    """
    low, high = ticks[0], ticks[-1]
    if unit == "%":
        low, high = max(low, min(0.0, min(values))), min(high, max(100.0, max(values)))
    return float(low), float(max(high, low + 1.0))


TICK_CHAR_WIDTH, TICK_GAP = 6.5, 12  # an axis label's width per character (11px text) and the room between two
NARROW_SCALE = 2.0  # on a phone the chart's text is drawn this much larger (webapp/static: .figure-chart), so
# that the chart, scaled down to the screen, stays readable; its axis has fewer labels (``narrow_ticks``)


def axis_ticks(labelled: list[tuple[float, str]], scale: float = 1.0) -> list[dict]:
    """The period labels of the chart's axis that fit without overlapping, for text ``scale`` times the usual
    size: the first (anchored at its start) and the last (at its end) when both fit, then, from the left, each
    one that clears its neighbours.

    >>> ticks = [(40, "2019"), (45, "2020"), (110, "2021"), (600, "Q1 2022")]
    >>> [t["label"] for t in axis_ticks(ticks)], [t["label"] for t in axis_ticks(ticks, 2.0)]
    (['2019', '2021', 'Q1 2022'], ['2019', 'Q1 2022'])
    """
    def extent(n: int) -> tuple[float, float, str]:
        x, label = labelled[n]
        width = len(label) * TICK_CHAR_WIDTH * scale
        if n == 0:
            return x, x + width, "start" if len(labelled) > 1 else "middle"
        if n == len(labelled) - 1:
            return x - width, x, "end"
        return x - width / 2, x + width / 2, "middle"

    if not labelled:
        return []
    last, gap = len(labelled) - 1, TICK_GAP * scale
    chosen, right = [0], extent(0)[1]
    end = extent(last)[0] if last and extent(last)[0] >= right + gap else None
    for n in range(1, last):
        left, far, _ = extent(n)
        if left >= right + gap and (end is None or far + gap <= end):
            chosen.append(n)
            right = far
    chosen += [last] if end is not None else []
    return [{"x": labelled[n][0], "label": labelled[n][1], "anchor": extent(n)[2]} for n in chosen]


WHOLE_COUNTRY = {"vi": "Cả nước", "en": "Whole country"}


def place_label(item: dict, lang: str = "vi") -> str:
    """A scope with the province it lies in, unless its name already says it in any spelling ("Sở Tư pháp, Thanh
    Hóa"; "Kho bạc Nhà nước Thanh Hoá" alone); the whole country in the page's language.

    >>> place_label({"scope": "Sở Tư pháp", "province": "Thanh Hóa"})
    'Sở Tư pháp, Thanh Hóa'
    >>> place_label({"scope": "Kho bạc Nhà nước Thanh Hoá", "province": "Thanh Hóa"})
    'Kho bạc Nhà nước Thanh Hoá'
    >>> place_label({"scope": "cả nước", "scope_level": "national", "province": None}, "en")
    'Whole country'
    """
    if item.get("scope_level") == "national":
        return WHOLE_COUNTRY.get(lang, WHOLE_COUNTRY["vi"])
    province = item.get("province")
    if not province or folded_key(province) in folded_key(item["scope"]):
        return item["scope"]
    return f"{item['scope']}, {province}"


def _column_label(column: dict, lang: str) -> str:
    return period_label(column["period"], column["year"], lang)


def axis_label(column: dict, lang: str) -> str:
    """A period as the chart's time axis names it, where it stands: a span of days or a month by its end (the
    points' own labels give the whole period).

    >>> axis_label({"year": 2019, "period": "range:2019-01-01..2019-03-15"}, "vi")
    '15/03/2019'
    >>> axis_label({"year": 2025, "period": "month:2025-07"}, "vi"), axis_label({"year": 2024, "period": "Q1"}, "en")
    ('7/2025', 'Q1 2024')
    """
    period = column["period"] or ""
    if period.startswith("range:"):
        return _day(period.split("..")[1])
    if period.startswith("month:"):
        return _month(period)
    return _column_label(column, lang)


def _day(iso: str) -> str:
    """A day as the pages write it: "2019-08-15" is "15/08/2019"."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def _month(period: str) -> str:
    """A ``month:YYYY-MM`` period as "7/2025"."""
    return f"{int(period[11:13])}/{period[6:10]}"


def period_label(period: str | None, year: int, lang: str) -> str:
    """A figure's period as a page shows it.

    >>> period_label("Q1", 2024, "en"), period_label(None, 2024, "vi")
    ('Q1 2024', '2024')
    >>> period_label("Q1", 2024, "vi"), period_label("FY", 2023, "vi"), period_label("H1", 2023, "en")
    ('Quý I/2024', 'Cả năm 2023', 'First half 2023')
    >>> period_label("range:2019-01-01..2019-08-15", 2019, "vi")
    '01/01/2019–15/08/2019'
    >>> period_label("month:2025-07", 2025, "vi"), period_label("month:2025-07", 2025, "en")
    ('tháng 7/2025', '7/2025')
    """
    if not period:
        return str(year)
    if period.startswith("range:"):
        return "–".join(_day(day) for day in period[6:].split(".."))
    if period.startswith("month:"):
        return f"{'tháng ' if lang == 'vi' else ''}{_month(period)}"
    label = quarter_label(period, lang)  # the facets' words: "Cả năm", "6 tháng đầu năm", "Full year"
    return f"{label}/{year}" if lang == "vi" and period.startswith("Q") else f"{label} {year}"


def number(value: float, lang: str) -> str:
    """A figure as written in the page's language.

    >>> number(1439.0, "vi"), number(98.5, "vi"), number(1439.0, "en"), number(98.5, "en")
    ('1.439', '98,5', '1,439', '98.5')
    """
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


@bp.get("/api/figures")
def api_figures():
    search = _request()
    return jsonify(figures_answer(search, *figure_options(request.args)))


def _export_rows() -> list[dict]:
    search = _request()
    indicator, unit = figure_options(request.args)
    if indicator is None:
        raise RequestError("indicator", "choose_indicator")
    return figures_answer(search, indicator, unit, limit=current_app.config["EXPORT_LIMIT"])["figures"]


@bp.get("/figures.csv")
def figures_csv():
    rows = _export_rows()
    return csv_response(list(EXPORT_FIELDS), ([row.get(name) for name in EXPORT_FIELDS] for row in rows),
                        "cchc-figures.csv")


@bp.get("/figures.jsonl")
def figures_jsonl():
    rows = _export_rows()
    return jsonl_response(({name: row.get(name) for name in EXPORT_FIELDS} for row in rows), "cchc-figures.jsonl")


@bp.get("/figures")
def figures_page():
    search = _request()
    indicator, unit = figure_options(request.args)
    answer = figures_answer(search, indicator, unit)
    state = SearchState.of(search, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"], "/figures")
    lang = search.lang if search.lang != current_app.config["LANGUAGE"] else None
    extra = {"indicator": indicator, "unit": unit if unit and unit != answer["unit"] else None}
    return render_template("figures.html", answer=answer, state=state, indicator=indicator, extra=extra,
                           chart=figure_chart(answer, search.filters.get("province", []), search.lang),
                           chart_width=CHART_WIDTH, chart_height=CHART_HEIGHT, chart_margin=CHART_MARGIN, number=number,
                           place=lambda item: place_label(item, search.lang),
                           period_label=lambda period, year: period_label(period, year, search.lang),
                           figure_url=lambda cell: figure_url(cell["id"], cell["start"], cell["end"], lang),
                           page_url=lambda page: _with(state.url(page=page), extra),
                           link=lambda path: _with(state.url(path, page=1), {**extra, "unit": answer["unit"]}),
                           indicator_url=lambda code: _with(state.url(page=1), {"indicator": code}),
                           unit_url=lambda unit: _with(state.url(page=1), {"indicator": indicator, "unit": unit}),
                           with_extra=lambda url: _with(url, extra))


def _with(url: str, extra: dict) -> str:
    """A URL of ``state`` with the figures' own parameters."""
    pairs = [(k, v) for k, v in extra.items() if v]
    return url + (("&" if "?" in url else "?") + urlencode(pairs) if pairs else "")
