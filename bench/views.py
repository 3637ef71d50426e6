"""Timings of the research views: coverage matrix, province map, yearly shares, refs facet, figures table.

Two measures. ``view_lines(index, repeat)`` times the views through the
engine on a built index (``bench.run`` appends it to each corpus size's
report). ``synthetic_lines(n, repeat)`` times the NumPy computations alone on
a synthetic ``FacetTable`` of ``n`` bulletins (provinces, years, periods and
several cited documents each, drawn at random), so the cost at 100,000
bulletins is measured without indexing 100,000 texts:

    python -m bench.views 100000          # synthetic table
    python -m bench.views 1000 INDEX      # and a built index
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import numpy as np

from bench.timing import percentile, timed
from search.citations import Postings
from search.coverage import corpus_years, coverage, year_shares
from search.engine import SearchEngine
from search.facets import FacetTable, disjunctive_counts
from search.figures import FigureTable, figure_view, indicator_counts, indicator_data, selected_rows
from search.models import make_request
from search.vocabulary import QUARTERS, provinces, provinces_2025
from webapp.tilemap import tile_map

VIEW_CLASSES = {  # view -> (query, filters)
    "coverage, all bulletins": ("", {}),
    "coverage, query and filter": ("một cửa", {"topic": ["thu_tuc"]}),
    "shares by year, query": ("một cửa", {}),
    "search with refs filter, map": ("cải cách", {"refs": ["61/2018/NĐ-CP"]}),
    "figures (/api/figures), all bulletins": ("", {}),
    "figures (/api/figures), query and filter": ("hồ sơ", {"year": ["2020"]}),
}
FIGURE_INDICATOR = "dossiers_on_time"  # the figures views' indicator: the one bulletins report most




def _row(name: str, times: list[float]) -> str:
    return f"| {name} | {statistics.median(times):.1f} | {max(times):.1f} |"


def _row_p95(name: str, times: list[float]) -> str:
    return f"| {name} | {statistics.median(times):.1f} | {percentile(times, .95):.1f} | {max(times):.1f} |"


def _final(matched, masks):
    final = matched.copy()
    for mask in masks.values():
        final &= mask
    return final


def view_lines(index: Path, repeat: int) -> list[str]:
    """Milliseconds per view on a built index (no result cache), as report lines."""
    engine = SearchEngine(index, cache_size=0)
    engine.run_search(make_request("khởi động"))  # open the searcher and facet arrays once
    lines = ["| view (built index) | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|"]
    for name, (query, filters) in VIEW_CLASSES.items():
        request = make_request(query, filters)
        if name.startswith("coverage"):
            def run(r=request):
                return engine.analyse(r, "bench", lambda t, m, k: coverage(t, _final(m, k), "63", corpus_years(t)))
        elif name.startswith("shares"):
            def run(r=request):
                return engine.analyse(r, "bench", year_shares)
        elif name.startswith("figures"):
            def run(r=request):
                return engine.figures(r, FIGURE_INDICATOR)
        else:
            def run(r=request):
                response = engine.run_search(r)
                return tile_map({b.value: b.count for b in response.facets["province"]}, "63", [])
        lines.append(_row_p95(name, timed(run, repeat)))
    return lines + [""]


def synthetic_table(n: int, refs_per_doc: int = 4, distinct_refs: int = 5000, seed: int = 13) -> FacetTable:
    """A FacetTable of ``n`` random bulletins (every facet filled, Zipf-like citations)."""
    rng = np.random.default_rng(seed)
    names = [p.name for p in provinces()]
    values = {"province": names, "province_2025": list(provinces_2025()),
              "year": [str(y) for y in range(2010, 2026)], "quarter": list(QUARTERS), "topic": ["a", "b"]}
    codes = {name: rng.integers(-1, len(v), n, dtype=np.int32) for name, v in values.items() if name != "topic"}
    members = {"topic": [rng.random(n) < 0.3, rng.random(n) < 0.1]}
    cited = np.minimum(rng.zipf(1.3, (n, refs_per_doc)) - 1, distinct_refs - 1)
    docs, refs = np.repeat(np.arange(n), refs_per_doc), cited.ravel()
    order = np.lexsort((docs, refs))
    split = np.searchsorted(refs[order], np.arange(distinct_refs + 1))
    lists = [np.unique(docs[order][split[i]:split[i + 1]]) for i in range(distinct_refs)]
    sparse = {"refs": Postings.of([f"{i}/nd-cp" for i in range(distinct_refs)], lists)}
    values["refs"] = sparse["refs"].values
    return FacetTable(n, np.ones(n, dtype=bool), values, codes, members, np.zeros(n, dtype=np.int64), sparse)


def synthetic_figures(n: int, per_doc: int = 3, seed: int = 13) -> FigureTable:
    """A FigureTable of ``per_doc`` random figures for each of ``n`` bulletins (17 indicators, 63 provinces and
    700 districts, each of one province, 11 years x 7 periods)."""
    rng = np.random.default_rng(seed)
    size = n * per_doc
    values = {"indicator": list(indicator_data()["indicators"]), "unit": ["count"],
              "period": ["Q1", "Q2", "Q3", "Q4", "H1", "9M", "FY"],
              "scope": [f"P{i}" for i in range(63)] + [f"D{i}" for i in range(700)], "level": ["province", "district"],
              "province": [f"P{i}" for i in range(63)]}
    columns = {"doc": np.repeat(np.arange(n, dtype=np.int32), per_doc), "item": np.zeros(size, np.int16),
               "indicator": rng.integers(0, len(values["indicator"]), size, dtype=np.int32),
               "unit": np.zeros(size, np.int32), "period": rng.integers(0, 7, size, dtype=np.int32),
               "scope": np.where(rng.random(size) < 0.6, rng.integers(0, 63, size), rng.integers(63, 763, size))
               .astype(np.int32), "year": rng.integers(2015, 2026, size, dtype=np.int16),
               "value": rng.random(size) * 1000, "start": np.zeros(size, np.int32), "end": np.zeros(size, np.int32)}
    columns["level"] = (columns["scope"] >= 63).astype(np.int32)
    columns["province"] = np.where(columns["scope"] < 63, columns["scope"], (columns["scope"] - 63) % 63)
    return FigureTable(values, columns)


def synthetic_lines(n: int, repeat: int) -> list[str]:
    """Milliseconds of each view's computation over a synthetic table of ``n`` bulletins, half of them matching."""
    table = synthetic_table(n)
    figures, ids = synthetic_figures(n), [f"b{i}" for i in range(n)]
    matched = np.random.default_rng(1).random(n) < 0.5
    masks = {"topic": table.mask("topic", ["a"])}
    years = corpus_years(table)
    facets = ("province", "province_2025", "year", "quarter", "topic", "refs")
    cases = {
        "coverage 63 x years x periods": lambda: coverage(table, matched & masks["topic"], "63", years),
        "coverage 34 x years x periods": lambda: coverage(table, matched, "2025", years),
        "shares by year": lambda: year_shares(table, matched, masks),
        "map (province counts + tiles)": lambda: tile_map(table.counts("province", matched), "63", []),
        "refs facet counts (top 30)": lambda: table.counts("refs", matched),
        "refs filter mask": lambda: table.mask("refs", ["0/nd-cp", "7/nd-cp"]),
        "all facets, disjunctive": lambda: disjunctive_counts(table, matched, masks, facets),
        "figures: one indicator's table, half matching": lambda: _figure_table(figures, matched, ids),
        "figures: one indicator's table, all matching": lambda: _figure_table(figures, np.ones(n, bool), ids),
    }
    lines = [f"| view computation, {n:,} synthetic bulletins | p50 ms | max ms |", "|---|---:|---:|"]
    lines += [_row(name, timed(run, repeat)) for name, run in cases.items()]
    return lines + [""]


def _figure_table(figures: FigureTable, matched: np.ndarray, ids: list[str]) -> dict:
    """What ``/api/figures`` computes over the arrays: counts per indicator, one indicator's rows and table."""
    indicator_counts(figures, matched)
    rows, _ = selected_rows(figures, matched, "dossiers_on_time", None, np.zeros(len(matched), np.int64))
    return figure_view(figures, rows, ids.__getitem__)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print("\n".join(synthetic_lines(size, 7)))
    if len(sys.argv) > 2:
        print("\n".join(view_lines(Path(sys.argv[2]), 7)))
