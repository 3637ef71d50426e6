"""Coverage matrix and yearly shares over a real index."""

from __future__ import annotations

import json

import numpy as np
import pytest

from search.coverage import corpus_years, coverage, year_shares
from search.engine import SearchEngine
from search.models import make_request
from tests.views_corpus import MOT_CUA, build_views_index


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return SearchEngine(build_views_index(tmp_path_factory.mktemp("views")))


def _filled(cov) -> dict:
    """(province, year, period) -> count of the non-empty cells."""
    rows, columns = np.nonzero(cov.counts)
    return {(cov.provinces[r], *cov.columns[c]): int(cov.counts[r, c]) for r, c in zip(rows, columns, strict=True)}


def _coverage(engine, request, scheme, years=None):
    def compute(table, matched, masks):
        final = matched.copy()
        for mask in masks.values():
            final &= mask
        return coverage(table, final, scheme, years or corpus_years(table))
    return engine.analyse(request, f"test:{scheme}:{years}", compute)


def test_coverage_of_a_query_by_the_63_provinces(engine):
    cov = _coverage(engine, make_request(MOT_CUA), "63")
    assert (cov.facet, len(cov.provinces), cov.total, cov.unplaced) == ("province", 63, 5, 1)
    assert cov.columns[:2] == [(2020, "Q1"), (2020, "Q2")] and len(cov.columns) == 16
    assert _filled(cov) == {("Cao Bằng", 2020, "Q3"): 1, ("Cao Bằng", 2021, "Q3"): 1,
                            ("Sơn La", 2021, "Q3"): 1, ("Hà Giang", 2021, "H1"): 1}


def test_coverage_by_the_34_provinces_with_filters_and_chosen_years(engine):
    request = make_request("", {"quarter": ["Q3"]})
    cov = _coverage(engine, request, "2025", [2021])
    assert (cov.facet, len(cov.provinces), cov.total, cov.unplaced) == ("province_2025", 34, 5, 2)  # v8, v1 (2020)
    assert _filled(cov) == {("Cao Bằng", 2021, "Q3"): 1, ("Sơn La", 2021, "Q3"): 1,
                            ("Tuyên Quang", 2021, "Q3"): 1}
    data = cov.to_dict()
    assert data["columns"][2] == {"year": 2021, "period": "Q3", "reporting": 3}
    assert [row for row in data["rows"] if row["total"]] == [
        {"province": name, "total": 1, "counts": [0, 0, 1, 0, 0, 0, 0, 0]}
        for name in ("Tuyên Quang", "Cao Bằng", "Sơn La")]


def test_year_shares_divide_by_every_bulletin_of_the_year_under_the_filters(engine):
    shares = engine.analyse(make_request(MOT_CUA), "test:shares", year_shares)
    assert shares == [{"year": 2020, "matching": 1, "all": 2, "share": 0.5},
                      {"year": 2021, "matching": 4, "all": 6, "share": 0.666667}]
    in_son_la = engine.analyse(make_request(MOT_CUA, {"province": ["Sơn La"], "year": ["2021"]}), "test:shares",
                               year_shares)
    assert in_son_la == [{"year": 2021, "matching": 1, "all": 2, "share": 0.5}]


def test_the_matrix_spans_the_years_that_have_a_reporting_period(tmp_path):
    from indexer.builder import build_index
    from tests.views_corpus import CORPUS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    older = {"id": "v9", "title": "Giới thiệu bộ phận một cửa của tỉnh", "province": "Cao Bằng", "year": 2015,
             "quarter": None, "text": "Bài giới thiệu bộ phận một cửa, không nêu kỳ báo cáo nào.", "published": None}
    (corpus / "views.jsonl").write_text(CORPUS.read_text(encoding="utf-8") + json.dumps(older, ensure_ascii=False)
                                        + "\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", jobs=1)
    engine = SearchEngine(tmp_path / "index")
    years = engine.analyse(make_request(""), "test:years", lambda table, matched, masks: corpus_years(table))
    assert years == [2020, 2021]  # 2015 holds a bulletin, but none with a period: no column could fill
    cov = _coverage(engine, make_request(MOT_CUA), "63")
    assert (cov.total, cov.unplaced, len(cov.columns)) == (6, 2, 16)  # v9 and v8 (no province) outside it
