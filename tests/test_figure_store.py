"""The figures table (search.figures) on a real index on disk: written beside the per-commit arrays, mapped by
the engine, and right after incremental runs (a bulletin changed, one removed) and full rebuilds."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from indexer.builder import build_index
from search import storage
from search.arrays import folder_for
from search.engine import SearchEngine
from search.figures import FigureTable, figure_view, period_key, selected_rows
from search.index_state import latest_toc
from search.models import make_request

FILES = Path(__file__).parent / "files" / "figures"


@pytest.fixture
def corpus(tmp_path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(FILES, target)
    return target


def _received(engine: SearchEngine) -> list[tuple]:
    engine._checked = 0  # look at the disk now
    answer = engine.figures(make_request(per_page=100), "dossiers_received")
    return sorted((f["id"], f["scope"], f["period"], f["year"], f["value"]) for f in answer["figures"])


def _stored(root: Path) -> FigureTable:
    generation = storage.current_generation(root)
    folder = folder_for(generation, latest_toc(generation))
    assert sorted(p.name for p in folder.glob("figures-*.npy")) == sorted(
        f"figures-{n}.npy" for n in ("doc", "item", "indicator", "unit", "period", "scope", "level",
                                     "province", "year", "value", "start", "end"))
    with storage.open_current(root).reader() as reader:
        return FigureTable.build(reader)


BEFORE = [("caobang-q1", "Bảo Lạc", "Q1", 2024, 1439.0), ("caobang-q1", "Cao Bằng", "Q1", 2024, 12345.0),
          ("sonla-parindex", "Sơn La", "range:2023-01-01..2023-08-15", 2023, 59720.0)]


def test_figures_are_stored_with_the_arrays_and_served_mapped(corpus, tmp_path):
    root = tmp_path / "index"
    build_index(corpus, root, jobs=1)
    engine = SearchEngine(root)
    assert _received(engine) == BEFORE
    state = engine._current()
    assert state.arrays.mapped and state.arrays.figures.size == _stored(root).size == 14
    engine.close()


def test_incremental_runs_and_full_rebuilds_keep_the_figures_right(corpus, tmp_path):
    root = tmp_path / "index"
    build_index(corpus, root, jobs=1)
    engine = SearchEngine(root)
    report = corpus / "caobang-q1.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("12.345 hồ sơ", "13.002 hồ sơ"), encoding="utf-8")
    (corpus / "sonla-parindex.txt").unlink()
    build_index(corpus, root, jobs=1)  # incremental: one updated, one removed (still in its segment, deleted)
    after = [("caobang-q1", "Bảo Lạc", "Q1", 2024, 1439.0), ("caobang-q1", "Cao Bằng", "Q1", 2024, 13002.0)]
    assert _received(engine) == after
    assert engine.figures(make_request(), None)["indicators"] == {
        "dossiers_received": 2, "dossiers_resolved": 1, "dossiers_on_time": 3, "dossiers_late": 1,
        "dossiers_online": 1}
    build_index(corpus, root, full=True, jobs=1)  # compacts: the deleted bulletin's rows leave the table
    assert _received(engine) == after
    assert _stored(root).size == 8
    shutil.copy(FILES / "sonla-parindex.txt", corpus / "sonla-parindex.txt")
    build_index(corpus, root, jobs=1)
    assert _received(engine) == [*after, BEFORE[2]]
    engine.close()


def test_the_table_of_one_indicator_is_scope_by_period_newest_bulletin_first():
    rows = [(0, 0, {"indicator": "sipas", "value": 80.0, "unit": "%", "period": "FY", "year": 2022,
                    "scope": "Sơn La", "scope_level": "province", "start": 5, "end": 50}),
            (1, 0, {"indicator": "sipas", "value": 81.0, "unit": "%", "period": "FY", "year": 2022,
                    "scope": "Sơn La", "scope_level": "province", "start": 7, "end": 70}),
            (1, 1, {"indicator": "sipas", "value": 83.0, "unit": "%", "period": "FY", "year": 2023,
                    "scope": "Sơn La", "scope_level": "province", "start": 80, "end": 99}),
            (2, 0, {"indicator": "dossiers_late", "value": 4.0, "unit": "count", "period": "Q1", "year": 2023,
                    "scope": "Cao Bằng", "scope_level": "province", "start": 0, "end": 9})]
    table = FigureTable.from_rows(rows)
    matched, sortdate = np.array([True, True, True]), np.array([20230101, 20240101, 20240101])
    selected, unit = selected_rows(table, matched, "sipas", None, sortdate)
    assert (selected.tolist(), unit) == ([1, 2, 0], "%")
    assert figure_view(table, selected, lambda doc: f"b{doc}") == {
        "scopes": 1, "columns": [{"year": 2022, "period": "FY"}, {"year": 2023, "period": "FY"}],
        "rows": [{"scope": "Sơn La", "scope_level": "province", "province": None, "cells": [
            {"value": 81.0, "id": "b1", "start": 7, "end": 70, "count": 2},
            {"value": 83.0, "id": "b1", "start": 80, "end": 99, "count": 1}]}]}
    assert figure_view(table, np.array([3, 1, 2, 0]), str, max_scopes=1)["rows"] == [{
        "scope": "Sơn La", "scope_level": "province", "province": None, "cells": [
            {"value": 81.0, "id": "1", "start": 7, "end": 70, "count": 2},
            {"value": 83.0, "id": "1", "start": 80, "end": 99, "count": 1}]}]  # the scope with the most figures
    assert sorted(["FY", "Q3", "range:2023-01-01..2023-08-15", "H1"], key=lambda p: period_key(2023, p)) == [
        "H1", "range:2023-01-01..2023-08-15", "Q3", "FY"]


def test_rows_are_grouped_by_province_in_vietnamese_order_a_city_apart_from_its_province():
    def figure(scope, level, province, value):
        return {"indicator": "par_index_score", "value": value, "unit": "score", "period": "FY", "year": 2023,
                "scope": scope, "scope_level": level, "province": province, "start": 0, "end": 9}
    rows = [(0, 0, figure("Cao Bằng", "province", "Cao Bằng", 84.0)),
            (0, 1, figure("Bộ Tư pháp", "agency", None, 89.9)),
            (1, 0, figure("Sở Tư pháp", "agency", "Cà Mau", 88.0)),
            (1, 1, figure("Cà Mau", "province", "Cà Mau", 86.9)),
            (1, 2, figure("Đầm Dơi", "district", "Cà Mau", 85.5)),
            (2, 0, figure("cả nước", "national", None, 87.2)),
            (3, 0, figure("Thanh Hóa", "province", "Thanh Hóa", 88.0)),
            (3, 1, figure("Thanh Hóa", "district", "Thanh Hóa", 80.0))]  # the city of Thanh Hóa
    table = FigureTable.from_rows([(doc, item, row) for doc, item, row in rows])
    view = figure_view(table, np.arange(len(rows)), str)
    assert [(row["scope"], row["province"]) for row in view["rows"]] == [
        ("Cà Mau", "Cà Mau"), ("Đầm Dơi", "Cà Mau"), ("Sở Tư pháp", "Cà Mau"),  # "Cà" before "Cao", not after
        ("Cao Bằng", "Cao Bằng"), ("Thanh Hóa", "Thanh Hóa"), ("Thanh Hóa", "Thanh Hóa"),  # province, then city
        ("Bộ Tư pháp", None), ("cả nước", None)]
    city = next(row for row in view["rows"] if row["scope_level"] == "district" and row["scope"] == "Thanh Hóa")
    assert [cell["value"] for cell in city["cells"]] == [80.0]
