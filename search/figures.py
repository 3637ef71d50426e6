"""Figures stage: every figure of the index as arrays, and one indicator's table of scope x period.

The indexer stores each bulletin's figures (``indexer.figures``) as JSON in the ``figures`` column.
``FigureTable.build`` reads that column once into one row per figure - the document, the figure's place in its
document's list, codes for indicator, unit, period, scope, scope level and the province the scope lies in, the
year, the value and the sentence's offsets - and ``search.arrays`` writes it beside the other per-document arrays
of a commit (``arrays-<toc>/figures-*.npy``, memory-mapped by every serving process), so a request filters it with
NumPy instead of reading bulletins. ``figure_view`` turns the rows of the matching bulletins into the table of one
indicator: a column per (year, period), a row per scope and province, in each cell the figure of the newest bulletin
(and how many bulletins gave one); the sentences are read back for the rows shown only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from .textnorm import sort_key

INDICATORS = Path(__file__).parent / "data" / "indicators.json"
UNITS = ("count", "%", "score", "rank")
CODED = ("indicator", "unit", "period", "scope", "level", "province")
NUMERIC = {"doc": np.int32, "item": np.int16, "year": np.int16, "value": np.float64, "start": np.int32,
           "end": np.int32}
PERIOD_ORDER = {"Q1": 3.0, "Q2": 6.0, "H1": 6.5, "Q3": 9.0, "9M": 9.5, "Q4": 12.0, "H2": 12.3, "FY": 12.6, "": 13.5}


@cache
def indicator_data() -> dict:
    """The indicators data file (``search/data/indicators.json``): codes, labels, cues, units."""
    with open(INDICATORS, encoding="utf-8") as handle:
        return json.load(handle)


def indicator_label(code: str, lang: str) -> str:
    """How a page names an indicator (its code when unknown)."""
    found = indicator_data()["indicators"].get(code)
    return found["label"][lang] if found else code


@dataclass
class FigureTable:
    """Every figure of one commit: ``columns`` holds one array per field, ``values`` the codes' meanings."""

    values: dict[str, list[str]]
    columns: dict[str, np.ndarray]

    @property
    def size(self) -> int:
        return len(self.columns["doc"])

    @classmethod
    def build(cls, reader) -> FigureTable:
        """The table read from a Whoosh reader's ``figures`` column (deleted documents included)."""
        rows: list[tuple[int, int, dict]] = []
        size = reader.doc_count_all()
        if size and reader.has_column("figures"):
            column = reader.column_reader("figures")
            for doc in range(size):
                raw = stored_value(column, doc)
                if raw:
                    rows.extend((doc, item, figure) for item, figure in enumerate(json.loads(raw)))
        return cls.from_rows(rows)

    @classmethod
    def from_rows(cls, rows: list[tuple[int, int, dict]]) -> FigureTable:
        values: dict[str, list[str]] = {name: [] for name in CODED}
        index: dict[str, dict[str, int]] = {name: {} for name in CODED}
        columns = {name: np.zeros(len(rows), dtype=kind) for name, kind in NUMERIC.items()}
        columns.update({name: np.zeros(len(rows), dtype=np.int32) for name in CODED})
        for n, (doc, item, figure) in enumerate(rows):
            columns["doc"][n], columns["item"][n] = doc, item
            for name in ("year", "value", "start", "end"):
                columns[name][n] = figure[name]
            for name in CODED:
                value = str(figure.get("scope_level" if name == "level" else name) or "")  # no period: ""; no
                # province (the country's, a ministry's, or a figure of an index written before figures named one)
                columns[name][n] = index[name].setdefault(value, len(index[name]))
        for name in CODED:
            values[name] = list(index[name])
        return cls(values, columns)

    def save(self, folder: Path) -> dict:
        """Write the arrays into ``folder``; the manifest entry that ``load`` reads them back with."""
        for name, column in self.columns.items():
            np.save(Path(folder) / f"figures-{name}.npy", column)
        return {"values": self.values, "columns": list(self.columns)}

    @classmethod
    def load(cls, folder: Path, manifest: dict) -> FigureTable:
        columns = {name: np.asarray(np.load(Path(folder) / f"figures-{name}.npy", mmap_mode="r"))
                   for name in manifest["columns"]}
        return cls(manifest["values"], columns)

    def code(self, name: str, value: str) -> int:
        """The code of ``value`` in a coded column, -1 when no figure has it."""
        try:
            return self.values[name].index(value)
        except ValueError:
            return -1


def stored_value(column, docnum: int) -> bytes:
    """A document's ``figures`` column value; b"" when the column holds none for it (an index written before
    every document carried one: Whoosh's reader fails past a segment's last value)."""
    try:
        return column[docnum]
    except IndexError:
        return b""


def period_key(year: int, period: str) -> tuple:
    """Columns in time order: by year, then by the end of the period (a span of days by its last day, a month
    by its end; the year alone, "", last)."""
    if period.startswith("range:"):
        end = period.split("..")[1]
        return (year, int(end[5:7]) + int(end[8:10]) / 100, period)
    if period.startswith("month:"):
        return (year, int(period[11:13]) + 0.32, period)  # after a span of days ending within the month
    return (year, PERIOD_ORDER.get(period, 13.0), period)


def indicator_counts(table: FigureTable, matched: np.ndarray) -> dict[str, int]:
    """indicator -> figures of the matching documents."""
    rows = matched[table.columns["doc"]] if table.size else np.zeros(0, dtype=bool)
    counts = np.bincount(table.columns["indicator"][rows], minlength=len(table.values["indicator"]))
    return {name: int(count) for name, count in zip(table.values["indicator"], counts, strict=True) if count}


def unit_counts(table: FigureTable, matched: np.ndarray, indicator: str) -> dict[str, int]:
    """unit -> figures of the indicator in the matching documents (a table shows one unit at a time)."""
    code = table.code("indicator", indicator)
    if code < 0 or not table.size:
        return {}
    rows = (table.columns["indicator"] == code) & matched[table.columns["doc"]]
    counts = np.bincount(table.columns["unit"][rows], minlength=len(table.values["unit"]))
    return {unit: int(count) for unit, count in zip(table.values["unit"], counts, strict=True) if count}


def selected_rows(table: FigureTable, matched: np.ndarray, indicator: str, unit: str | None,
                  sortdate: np.ndarray) -> tuple[np.ndarray, str | None]:
    """Row numbers of the indicator's figures in matching documents, newest bulletin first; and the unit
    (``unit``, else the one most of them have)."""
    code = table.code("indicator", indicator)
    if code < 0 or not table.size:
        return np.zeros(0, dtype=np.int64), unit
    rows = np.flatnonzero((table.columns["indicator"] == code) & matched[table.columns["doc"]])
    if unit is None and len(rows):
        unit = table.values["unit"][int(np.bincount(table.columns["unit"][rows]).argmax())]
    rows = rows[table.columns["unit"][rows] == table.code("unit", unit or "")]
    docs = table.columns["doc"][rows]
    order = np.lexsort((table.columns["start"][rows], docs, -sortdate[docs]))
    return rows[order], unit


MAX_SCOPES = 200  # rows of one table (a scope in one province each): those with the most figures (a research
# table, not a dump)


def figure_view(table: FigureTable, rows: np.ndarray, id_of, max_scopes: int = MAX_SCOPES) -> dict:
    """The table of scope x period of ``rows`` (newest bulletin first): a row per scope, its level and the province
    it lies in (two provinces' "Sở Tư pháp" are two rows, as are a city and the province of its name), each cell
    the newest bulletin's figure with ``count``, how many figures the cell has; ``id_of(docnum)`` names a
    bulletin. At most ``max_scopes`` rows, those with the most figures (``scopes``: how many there are)."""
    column = table.columns
    year, period = (column[name][rows].astype(np.int64) for name in ("year", "period"))
    levels_n, provinces = len(table.values["level"]), len(table.values["province"])
    placed = (column["scope"][rows].astype(np.int64) * levels_n + column["level"][rows]) * provinces \
        + column["province"][rows]
    units, scope = np.unique(placed, return_inverse=True)  # a code per (scope, level, province) found: the city
    # of Thanh Hóa and its province are two rows
    scope = scope.reshape(-1)
    per_scope = np.bincount(scope, minlength=len(units)) if len(rows) else np.zeros(0, np.int64)
    kept = np.flatnonzero(per_scope)
    kept = kept[np.lexsort((kept, -per_scope[kept]))][:max_scopes]
    among = np.zeros(len(units), dtype=bool)  # a lookup per unit code: 7x np.isin's speed
    among[kept] = True
    keep = np.take(among, scope)
    rows, scope, year, period = rows[keep], scope[keep], year[keep], period[keep]
    first, counts = np.unique(scope * 100_000_000 + year * 10_000 + period, return_index=True,
                              return_counts=True)[1:]
    chosen = rows[first]
    cell = {name: column[name][chosen].tolist() for name in ("value", "doc", "start", "end", "level")}
    where = list(zip(scope[first].tolist(), year[first].tolist(), period[first].tolist(), strict=True))
    order = sorted({(y, p) for _, y, p in where}, key=lambda yp: period_key(yp[0], table.values["period"][yp[1]]))
    position = {yp: n for n, yp in enumerate(order)}
    grid: dict[int, list] = {}
    levels: dict[int, int] = {}
    for n, (s, y, p) in enumerate(where):
        cells = grid.setdefault(s, [None] * len(order))
        levels[s] = cell["level"][n]
        cells[position[(y, p)]] = {"value": cell["value"][n], "id": id_of(cell["doc"][n]), "start": cell["start"][n],
                                   "end": cell["end"][n], "count": int(counts[n])}
    names = {s: _unit_names(table, int(units[s]), levels_n, provinces) for s in grid}
    rows = [{"scope": names[s][0], "scope_level": table.values["level"][levels[s]], "province": names[s][1],
             "cells": grid[s]} for s in grid]
    return {"scopes": int(len(np.flatnonzero(per_scope))),
            "columns": [{"year": y, "period": table.values["period"][p] or None} for y, p in order],
            "rows": sorted(rows, key=row_order)}


LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2, "agency": 3, "national": 4}


def row_order(row: dict) -> tuple:
    """Rows grouped by province in Vietnamese dictionary order (``textnorm.sort_key``: "Bạc Liêu" before "Bắc
    Kạn", "Cà Mau" before "Cao Bằng", "Đồng Nai" after "Dak Lak"), each province first, then its districts,
    communes and agencies; the country and ministries last."""
    province = row["province"]
    return (province is None, sort_key(province or ""), LEVEL_ORDER.get(row["scope_level"], 5),
            sort_key(row["scope"]))


def _unit_names(table: FigureTable, unit: int, levels: int, provinces: int) -> tuple[str, str | None]:
    """(scope, province or None) of a unit code of ``figure_view``."""
    placed, province = divmod(unit, provinces)
    return table.values["scope"][placed // levels], table.values["province"][province] or None


def row_dict(table: FigureTable, row: int) -> dict:
    """One figure as plain data, without its sentence."""
    column = table.columns
    return {"indicator": table.values["indicator"][int(column["indicator"][row])],
            "value": float(column["value"][row]), "unit": table.values["unit"][int(column["unit"][row])],
            "period": table.values["period"][int(column["period"][row])] or None, "year": int(column["year"][row]),
            "scope": table.values["scope"][int(column["scope"][row])],
            "scope_level": table.values["level"][int(column["level"][row])],
            "province": table.values["province"][int(column["province"][row])] or None,
            "start": int(column["start"][row]), "end": int(column["end"][row])}
