"""Research views over a matching set: reporting coverage and yearly shares, counted with NumPy.

``coverage`` answers "which provinces published a report for which period":
a matrix of provinces (before or after the July 2025 merger) by reporting
year and period, each cell the number of matching bulletins, computed by one
``bincount`` over the facet codes of ``search.facets.FacetTable``.
``year_shares`` divides each year's matching bulletins by all bulletins of
that year under the same filters (the query left out), so a theme's rise or
fall shows apart from how many bulletins a year has. Both return plain data
that the web app renders as a table, CSV, JSON and SVG.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .facets import FacetTable
from .vocabulary import QUARTERS, provinces, provinces_2025

SCHEMES = {"63": "province", "2025": "province_2025"}  # scheme -> facet of its rows
PERIODS = tuple(QUARTERS)


@dataclass
class Coverage:
    scheme: str
    facet: str  # the rows' facet: province or province_2025
    provinces: list[str]  # rows, in the order of the province list
    columns: list[tuple[int, str]]  # (year, period), oldest first, periods in QUARTERS order
    counts: np.ndarray  # int64 [row, column]
    total: int  # matching bulletins
    unplaced: int  # matching bulletins outside the matrix: no province, year or period, or a year not shown

    def reporting(self) -> list[int]:
        """Per column, the number of provinces with at least one matching bulletin."""
        return [int(n) for n in np.count_nonzero(self.counts, axis=0)]

    def to_dict(self) -> dict:
        """The JSON shape of ``/api/coverage``."""
        return {
            "scheme": self.scheme, "facet": self.facet, "total": self.total, "unplaced": self.unplaced,
            "columns": [{"year": year, "period": period, "reporting": n}
                        for (year, period), n in zip(self.columns, self.reporting(), strict=True)],
            "rows": [{"province": name, "total": int(row.sum()), "counts": [int(n) for n in row]}
                     for name, row in zip(self.provinces, self.counts, strict=True)],
        }


def scheme_rows(scheme: str) -> list[str]:
    """The provinces of a scheme: the 63 before July 2025 or the 34 after."""
    return [p.name for p in provinces()] if scheme == "63" else list(provinces_2025())


def coverage(table: FacetTable, final: np.ndarray, scheme: str, years: list[int]) -> Coverage:
    """Matching bulletins (``final``) by province of ``scheme`` x (year, period) for ``years``."""
    facet = SCHEMES[scheme]
    rows = scheme_rows(scheme)
    row_of = _recode(table.values[facet], rows)
    year_of = _recode(table.values["year"], [str(y) for y in years])
    period_of = _recode(table.values["quarter"], list(PERIODS))
    row, year, period = (_codes(table, name, final, lookup) for name, lookup in
                         ((facet, row_of), ("year", year_of), ("quarter", period_of)))
    placed = (row >= 0) & (year >= 0) & (period >= 0)
    width = len(years) * len(PERIODS)
    cells = row[placed] * width + year[placed] * len(PERIODS) + period[placed]
    counts = np.bincount(cells, minlength=len(rows) * width).reshape(len(rows), width)
    columns = [(y, p) for y in years for p in PERIODS]
    total = int(np.count_nonzero(final))
    return Coverage(scheme, facet, rows, columns, counts, total, total - int(placed.sum()))


def _recode(indexed: list[str], wanted: list[str]) -> np.ndarray:
    """index value code -> position in ``wanted`` (-1: not wanted); one extra slot for 'no value'."""
    position = {v: i for i, v in enumerate(wanted)}
    return np.array([position.get(v, -1) for v in indexed] + [-1], dtype=np.int64)


def _codes(table: FacetTable, name: str, final: np.ndarray, lookup: np.ndarray) -> np.ndarray:
    return lookup[table.codes[name][final]]  # a code of -1 reads the extra 'no value' slot


def corpus_years(table: FacetTable) -> list[int]:
    """Every reporting year from the first to the last one of the live bulletins that have a reporting period
    (gaps included): a year whose bulletins have none fills no cell, and such years at the ends only widened
    the matrix (one 2001 bulletin without a period opened the real collection's on five empty years)."""
    periodic = table.live & (table.codes["quarter"] >= 0)
    found = [int(y) for y in table.counts("year", periodic)]
    return list(range(min(found), max(found) + 1)) if found else []


def year_shares(table: FacetTable, matched: np.ndarray, masks: dict) -> list[dict]:
    """Per year (oldest first): matching bulletins, all bulletins under the same filters, and the share.

    The year filter is left out of both, as in the year chart, so every year keeps its bar.
    """
    base = table.live.copy()
    for name, mask in masks.items():
        if name != "year":
            base &= mask
    every = table.counts("year", base)
    hits = table.counts("year", base & matched)
    return [{"year": int(y), "matching": hits.get(y, 0), "all": n, "share": round(hits.get(y, 0) / n, 6)}
            for y, n in sorted(every.items(), key=lambda item: int(item[0]))]
