"""The refs facet: compressed postings counted and filtered with NumPy, labels, requests."""

from __future__ import annotations

import numpy as np
import pytest

from search.citations import Postings, ref_label
from search.engine import SearchEngine
from search.models import RequestError, make_request
from tests.views_corpus import build_views_index


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return SearchEngine(build_views_index(tmp_path_factory.mktemp("views")))


def _postings() -> Postings:
    return Postings.of(["a", "b", "c"], [np.array([0, 2, 3]), np.array([2]), np.array([], dtype=np.int64)])


def test_postings_count_the_documents_of_a_set_most_cited_first():
    postings = _postings()
    assert postings.offsets.tolist() == [0, 3, 4, 4] and postings.codes.tolist() == [0, 0, 0, 1]
    within = np.array([True, False, True, False])
    assert postings.counts(within) == {"a": 2, "b": 1}
    assert postings.counts(np.ones(4, dtype=bool), limit=1) == {"a": 3}
    assert postings.counts(np.zeros(4, dtype=bool)) == {}


def test_postings_mask_is_the_union_of_the_selected_values():
    assert _postings().mask(["b", "c", "unknown"], 5).tolist() == [False, False, True, False, False]
    assert _postings().mask(["a", "b"], 5).tolist() == [True, False, True, True, False]


@pytest.mark.parametrize("key, label", [("61/2018/nd-cp", "61/2018/NĐ-CP"), ("30c/nq-cp", "30c/NQ-CP"),
                                        ("05/ct-ttg", "05/CT-TTg"), ("12/qd-ubnd", "12/QĐ-UBND"),
                                        ("1/xyz", "1/XYZ")])
def test_ref_label_restores_the_cited_form(key, label):
    assert ref_label(key) == label


def test_a_refs_filter_accepts_any_spelling_and_refuses_non_numbers():
    assert make_request("", {"refs": ["61/2018/NĐ-CP", "61/2018/nd-cp", "30c/nq-cp"]}).filters == {
        "refs": ["61/2018/nd-cp", "30c/nq-cp"]}
    with pytest.raises(RequestError) as caught:
        make_request("", {"refs": ["hello"]})
    assert (caught.value.parameter, str(caught.value)) == (
        "refs", "Unknown refs 'hello': expected a legal document number such as '61/2018/NĐ-CP'.")


def test_refs_facet_counts_disjunctively_and_filters(engine):
    response = engine.run_search(make_request("", {"refs": ["107/2021/NĐ-CP"]}))
    assert sorted(hit.id for hit in response.results) == ["v2", "v4"]
    assert [(b.value, b.label, b.count, b.selected) for b in response.facets["refs"]] == [
        ("61/2018/nd-cp", "61/2018/NĐ-CP", 5, False), ("107/2021/nd-cp", "107/2021/NĐ-CP", 2, True),
        ("30c/nq-cp", "30c/NQ-CP", 1, False)]
    narrowed = engine.run_search(make_request("", {"refs": ["107/2021/nd-cp"], "province": ["Sơn La"]}))
    assert [hit.id for hit in narrowed.results] == ["v4"]
    assert response.to_dict()["facets"]["refs"][1] == {"value": "107/2021/nd-cp", "label": "107/2021/NĐ-CP",
                                                       "count": 2, "selected": True}


def test_most_cited_documents_of_the_corpus(engine):
    assert engine.stats()["facets"]["refs"] == {"61/2018/nd-cp": 5, "107/2021/nd-cp": 2, "30c/nq-cp": 1}


def test_a_selected_document_outside_the_most_cited_keeps_its_count(engine, monkeypatch):
    monkeypatch.setattr(engine, "cache_size", 0)
    monkeypatch.setattr(Postings.counts, "__defaults__", (1,))  # only the most cited one
    response = engine.run_search(make_request("", {"refs": ["30c/NQ-CP"]}))
    assert [(b.value, b.count, b.selected) for b in response.facets["refs"]] == [
        ("61/2018/nd-cp", 5, False), ("30c/nq-cp", 1, True)]
