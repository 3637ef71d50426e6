"""The array path scores and ranks exactly as Whoosh does when Whoosh scores every match."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from search.clauses import plain
from search.compiler import compile_query
from search.engine import SearchEngine
from search.models import make_request
from search.query import parse_query
from search.similar import similar
from search.vector import top
from tests.helpers import changed_index

pytestmark = pytest.mark.slow  # builds 300 generated bulletins through pyvi (about 15 s); CI runs it

QUERIES = ["thủ tục hành chính", "cai cach hanh chinh", '"một cửa liên thông"', '"dich vu cong truc tuyen"',
           "61/2018/NĐ-CP", "107/2021/nd-cp", "SIPAS OR papi", "cán bộ công chức", "CCHC -tthc",
           'title:"kế hoạch"', "year:2020 một cửa", "(PAPI OR PCI) tỉnh -sipas", "ủy ban nhân dân huyện"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """300 generated bulletins, then changes: several segments and deleted documents."""
    found = SearchEngine(changed_index(tmp_path_factory.mktemp("vector"), 300, every=7, removed=slice(3, None, 50)))
    state = found._current()
    assert len(state.vector.leaves) > 1 and state.searcher.doc_count_all() > state.searcher.doc_count()
    return found


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_scores_and_order_as_whoosh(engine, text):
    """Whoosh's own node types (our best-match and sequence nodes rewritten into them by ``plain``)."""
    state = engine._current()
    query, _ = compile_query(parse_query(text), engine._resolver(state), match="all")
    query = plain(query)
    mask, scores = state.vector.evaluate(query)
    reference = state.searcher.search(query, limit=None)  # every match scored and sorted
    expected = [(reference.docnum(i), reference.score(i)) for i in range(len(reference))]
    got = top(scores, mask, len(expected) + 10)
    assert [d for d, _ in got] == [d for d, _ in expected]
    assert [round(s, 9) for _, s in got] == [round(s, 9) for _, s in expected]


def test_engine_ranks_with_the_array_path(engine):
    state = engine._current()
    response = engine.run_search(make_request("thủ tục hành chính", per_page=20, match="all"))
    query, _ = compile_query(parse_query("thủ tục hành chính"), engine._resolver(state), match="all")
    reference = state.searcher.search(query, limit=None)
    assert [h.id for h in response.results] == [reference[i]["id"] for i in range(20)]


def test_shapes_it_does_not_handle_fall_back(engine):
    state = engine._current()
    assert state.vector.evaluate(wq.And([wq.Every(), wq.Not(wq.Term("content", "cchc"))])) is None
    only_negative = engine.run_search(make_request("-tthc"))
    assert only_negative.total == len(engine.export(make_request("-tthc"), limit=1000))


def test_similar_bulletins_are_the_same_on_both_paths(engine, monkeypatch):
    state = engine._current()
    ids = [state.searcher.stored_fields(d)["id"] for d in list(state.searcher.reader().all_doc_ids())[:40]]
    arrays = {doc_id: [m["id"] for m in similar(state, doc_id, 5)] for doc_id in ids}
    monkeypatch.setattr(state.vector, "evaluate", lambda query, deadline=None: None)
    whoosh = {doc_id: [m["id"] for m in similar(state, doc_id, 5)] for doc_id in ids}
    assert arrays == whoosh
    assert all(len(found) == 5 and doc_id not in found for doc_id, found in arrays.items())


def test_bare_exclusions_keep_whooshs_own_path(engine):
    """Whoosh's And.normalize drops a NOT beside Every, so these stay on Whoosh's matchers (correct counts)."""
    state = engine._current()
    for text in ("NOT (cải cách OR papi)", "NOT (một cửa)"):
        query, _ = compile_query(parse_query(text), engine._resolver(state))
        assert state.vector.evaluate(query) is None
        assert engine.run_search(make_request(text)).total == len(state.searcher.search(plain(query), limit=None))
    assert engine.run_search(make_request("")).total == state.searcher.doc_count()
