"""Bounded work per request: marks, similar bulletins and facets stop at their caps or report the time-out."""

from __future__ import annotations

import time
from pathlib import Path

import jsonschema
import pytest

import search.engine
import search.highlight
from indexer.builder import build_index
from search import highlight
from search.buckets import facet_buckets
from search.compiler import compile_query
from search.engine import SearchEngine
from search.limits import Deadline, QueryTimeout
from search.models import make_request
from search.query import parse_query
from search.schema import FACETS
from search.similar import SIMILAR_CHARS, distinctive_terms

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SENTENCE = "Kết quả cải cách hành chính của tỉnh trong quý I được triển khai, một cửa liên thông hiện đại. "


def _terms(query):
    return compile_query(parse_query(query), lambda field, value: [value])[1]


def _expired() -> Deadline:
    deadline = Deadline(1e-9)
    time.sleep(0.001)
    return deadline


def test_marks_stop_at_the_cap_per_word_and_the_snippet_is_unchanged(monkeypatch):
    text = SENTENCE * 5_000
    spans = highlight._marked_spans(text, _terms("một cửa"))
    assert len(spans) == highlight.MAX_MARKS
    at, step = SENTENCE.index("một cửa"), len(SENTENCE)
    assert spans[:3] == [(at, at + 7), (at + step, at + step + 7), (at + 2 * step, at + 2 * step + 7)]
    capped = highlight.snippet(text, _terms("cải cách một cửa"))
    monkeypatch.setattr(highlight, "MAX_MARKS", 10**9)
    assert highlight.snippet(text, _terms("cải cách một cửa")) == capped
    monkeypatch.setattr(highlight, "MAX_MARKS_DOCUMENT", 7)
    assert highlight.highlight_all(text, _terms("một cửa")).count("<mark>") == 7


def test_marking_checks_the_deadline():
    with pytest.raises(QueryTimeout):
        highlight._marked_spans(SENTENCE * 10, _terms("một cửa"), deadline=_expired())
    with pytest.raises(QueryTimeout):
        highlight.snippet(SENTENCE * 10, _terms("một cửa"), deadline=_expired())


def test_similar_bulletins_read_only_the_first_characters():
    class Reader:
        def doc_count_all(self):
            return 100

        def doc_frequency(self, field, term):
            return 1 if term == "papi" else 50

    late = "x" * SIMILAR_CHARS + " papi papi papi"
    assert "papi" not in distinctive_terms(late, Reader())
    assert distinctive_terms("papi " + late, Reader())[0] == "papi"


def test_facets_past_the_deadline_are_named_and_left_empty(engine):
    state = engine._current()
    request = make_request("")
    view = facet_buckets(state.table, state.table.live, {}, request, _expired())
    assert (view.facets, view.chart, view.timed_out) == ({name: [] for name in FACETS}, {}, list(FACETS))
    full = facet_buckets(state.table, state.table.live, {}, request, Deadline(None))
    assert full.timed_out == [] and full.facets["year"] and full.chart


def test_a_search_whose_facets_time_out_keeps_its_hits_and_is_not_cached(sample_index, monkeypatch):
    engine = SearchEngine(sample_index, timeout=5)
    expected = engine.run_search(make_request("cải cách"))
    real = search.engine.facet_buckets
    calls = []

    def late(table, matched, masks, request, deadline):
        calls.append(1)
        deadline.at = time.monotonic() - 1  # the time limit passes just as facets start
        return real(table, matched, masks, request, deadline)
    monkeypatch.setattr(search.engine, "facet_buckets", late)
    request = make_request("cải cách", per_page=5)
    response = engine.run_search(request)
    assert [h.id for h in response.results] == [h.id for h in expected.results][:5]
    assert response.total == expected.total
    assert response.facets_timed_out == list(FACETS) and response.to_dict()["facets_timed_out"] == list(FACETS)
    assert "facets_timed_out" not in expected.to_dict()
    engine.run_search(request)
    assert len(calls) == 2  # a degraded answer is computed again, not served from the cache


@pytest.fixture(scope="module")
def big_index(tmp_path_factory):
    """The bundled bulletins and one of 3 MB (a sentence repeated)."""
    root = tmp_path_factory.mktemp("big")
    corpus = root / "corpus"
    corpus.mkdir()
    for path in sorted(CORPUS.iterdir()):
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "big.txt").write_text("Báo cáo rất dài về cải cách hành chính\n\n" + SENTENCE * 25_000,
                                    encoding="utf-8")
    build_index(corpus, root / "index", jobs=1)
    return root / "index"


@pytest.mark.slow
def test_every_request_about_a_multi_megabyte_bulletin_answers_within_the_limit(big_index):
    limit, margin = 2.0, 1.0
    engine = SearchEngine(big_index, timeout=limit, cache_size=0)
    assert len(engine.document("big")["text"].encode("utf-8")) > 3_000_000
    requests = {
        "search": lambda: engine.run_search(make_request("một cửa liên thông")),
        "search, unaccented": lambda: engine.run_search(make_request("cai cach hanh chinh", per_page=100)),
        "export": lambda: engine.export(make_request("cải cách"), 10_000),
        "document": lambda: engine.document("big", "một cửa"),
        "similar": lambda: engine.similar("big"),
        "suggest": lambda: engine.suggest("mot cua lien thong"),
    }
    slowest = {}
    for name, run in requests.items():
        started = time.perf_counter()
        try:
            run()
        except QueryTimeout:
            pass  # refused in time is an answer too
        slowest[name] = time.perf_counter() - started
    within = {name: seconds < limit + margin for name, seconds in slowest.items()}
    assert within == dict.fromkeys(requests, True), slowest


def test_the_page_and_the_api_say_which_facets_timed_out(sample_index, monkeypatch):
    from webapp import create_app
    from webapp.openapi import openapi_document

    real = search.engine.facet_buckets

    def late(table, matched, masks, request, deadline):
        deadline.at = time.monotonic() - 1
        return real(table, matched, masks, request, deadline)
    monkeypatch.setattr(search.engine, "facet_buckets", late)
    client = create_app({"INDEX": str(sample_index), "QUERY_TIMEOUT": 5}).test_client()
    body = client.get("/api/search", query_string={"q": "cải cách"}).get_json()
    assert body["total"] > 0 and body["results"] and body["facets_timed_out"] == list(FACETS)
    assert body["facets"] == {name: [] for name in FACETS}
    spec = openapi_document()
    jsonschema.validate(body, {"$ref": "#/components/schemas/SearchResponse", "components": spec["components"]})
    page = client.get("/search", query_string={"q": "cải cách", "lang": "en"}).get_data(as_text=True)
    assert "Not counted within the time limit: " in page
