"""The views benchmark: a synthetic table that the views read like a real one, and its report."""

from __future__ import annotations

import numpy as np

from bench.views import VIEW_CLASSES, synthetic_lines, synthetic_table, view_lines
from search.coverage import corpus_years, coverage


def test_synthetic_table_is_consistent():
    table = synthetic_table(3000, distinct_refs=50)
    assert corpus_years(table) == list(range(2010, 2026))
    cov = coverage(table, table.live, "63", corpus_years(table))
    placed = (table.codes["province"] >= 0) & (table.codes["year"] >= 0) & (table.codes["quarter"] >= 0)
    assert (int(cov.counts.sum()), cov.unplaced) == (int(placed.sum()), 3000 - int(placed.sum()))
    refs = table.sparse["refs"]
    assert sum(len(np.unique(refs.docs[refs.codes == c])) for c in range(50)) == len(refs.docs)


def test_synthetic_report_names_every_view():
    lines = synthetic_lines(2000, 1)
    assert lines[0] == "| view computation, 2,000 synthetic bulletins | p50 ms | max ms |"
    assert [line.split(" | ")[0].lstrip("| ") for line in lines[2:-1]] == [
        "coverage 63 x years x periods", "coverage 34 x years x periods", "shares by year",
        "map (province counts + tiles)", "refs facet counts (top 30)", "refs filter mask", "all facets, disjunctive",
        "figures: one indicator's table, half matching", "figures: one indicator's table, all matching"]


def test_built_index_report_times_every_view_with_its_percentiles(sample_index):
    """Each view, the figures table of ``/api/figures`` among them, is a row of p50 <= p95 <= max."""
    lines = view_lines(sample_index, 3)
    assert lines[:2] == ["| view (built index) | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|"]
    rows = [line.strip("| ").split(" | ") for line in lines[2:-1]]
    assert [row[0] for row in rows] == list(VIEW_CLASSES)
    assert any(name.startswith("figures") for name in VIEW_CLASSES)
    assert all(float(row[1]) <= float(row[2]) <= float(row[3]) for row in rows)
