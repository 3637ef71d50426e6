"""The refs facet: compressed postings counted and filtered with NumPy, labels, requests."""

from __future__ import annotations

import numpy as np
import pytest

from search import citations
from search.citations import HEAD_VALUES, Postings, ref_label, same_issuer
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


@pytest.mark.parametrize("share", [0.0, 0.01, 0.2, 0.49, 0.51, 0.9, 0.99, 1.0])
def test_a_set_counted_through_its_own_documents_or_those_left_out_counts_each_documents_citations(share):
    rng = np.random.default_rng(7)
    size, values = 2_000, 300
    lists = [np.sort(rng.choice(size, int(rng.integers(0, 40)), replace=False)) for _ in range(values)]
    postings = Postings.of([f"{n}/qd-ubnd" for n in range(values)], lists)
    within = rng.random(size) < share
    expected = np.zeros(values, dtype=np.int64)
    for code, docs in enumerate(lists):
        expected[code] = int(np.count_nonzero(within[docs]))
    assert postings.tally(within).tolist() == expected.tolist()


@pytest.mark.parametrize("limit", [1, 3, 5, 30, 299, 300, 400])
def test_the_most_cited_values_are_those_of_a_full_sort_ties_by_value_whatever_the_limit(limit):
    rng = np.random.default_rng(11)
    size, values = 500, 300
    lists = [np.sort(rng.choice(size, int(rng.integers(0, 6)), replace=False)) for _ in range(values)]  # many ties
    postings = Postings.of([f"{n:03d}/qd-ubnd" for n in range(values)], lists)
    within = rng.random(size) < 0.7
    cited = [(int(np.count_nonzero(within[docs])), f"{n:03d}/qd-ubnd") for n, docs in enumerate(lists)]
    expected = sorted((c for c in cited if c[0]), key=lambda c: (-c[0], c[1]))[:limit]
    assert list(postings.counts(within, limit=limit).items()) == [(value, count) for count, value in expected]


@pytest.mark.parametrize("share", [0.02, 0.3, 0.7, 0.98])
@pytest.mark.parametrize("limit", [1, 30, 254, 255, 256])
def test_the_most_cited_values_are_exact_whether_the_most_cited_head_alone_decides_or_not(share, limit):
    rng = np.random.default_rng(int(share * 100) + limit)
    size, values = 3_000, 900  # more values than HEAD_VALUES: the head is counted first
    cited = np.clip(rng.zipf(1.4, values), 1, size)
    lists = [np.sort(rng.choice(size, int(n), replace=False)) for n in cited]
    postings = Postings.of([f"{n:03d}/qd-ubnd" for n in range(values)], lists)
    within = rng.random(size) < share
    counts = [(int(np.count_nonzero(within[docs])), f"{n:03d}/qd-ubnd") for n, docs in enumerate(lists)]
    expected = sorted((c for c in counts if c[0]), key=lambda c: (-c[0], c[1]))[:limit]
    assert list(postings.counts(within, limit=limit).items()) == [(value, count) for count, value in expected]


def test_a_set_whose_most_cited_are_clear_is_counted_on_the_head_alone():
    size = 1_000
    lists = [np.arange(0, size, 2)] * 40 + [np.array([n]) for n in range(600)]  # 40 values cited by 500, 600 by one
    postings = Postings.of([f"{n:03d}/qd-ubnd" for n in range(len(lists))], lists)
    within = np.ones(size, dtype=bool)
    tally = postings._top_tally(within, 30)
    assert tally[:40].tolist() == [500] * 40
    assert int(np.count_nonzero(tally[40:])) == 600 - (len(lists) - HEAD_VALUES)  # the rest never counted
    assert list(postings.counts(within, limit=30)) == [f"{n:03d}/qd-ubnd" for n in range(30)]


def test_a_value_outside_the_head_that_ties_with_its_last_is_counted(monkeypatch):
    monkeypatch.setattr(citations, "HEAD_VALUES", 2)
    # "1" and "3" are the most cited (10 and 6 bulletins), "2" the rest's most cited (5)
    postings = Postings.of(["1", "2", "3"], [np.arange(10), np.arange(10, 15), np.arange(6)])
    within = np.zeros(20, dtype=bool)
    within[[0, 1, 2, 3, 4, 10, 11, 12, 13, 14]] = True  # each value 5 times: a tie, settled by value
    assert postings.counts(within, limit=2) == {"1": 5, "2": 5}


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


def test_the_facets_counting_one_set_share_it_and_its_numbers_found_once(monkeypatch):
    from search import citations
    from search.facets import FacetTable, disjunctive_counts
    rng = np.random.default_rng(3)
    size = 1_000
    province = rng.integers(0, 5, size).astype(np.int32)
    table = FacetTable(size, np.ones(size, dtype=bool), {"province": list("ABCDE"), "year": ["2020", "2021"]},
                       {"province": province, "year": rng.integers(-1, 2, size).astype(np.int32)}, {},
                       np.zeros(size, dtype=np.int64))
    matched, masks = rng.random(size) < 0.3, {"year": table.mask("year", ["2021"])}
    expected = {name: table.counts(name, matched & (masks["year"] if name != "year" else True))
                for name in ("province", "year")}
    found, sets = [], {}
    real = citations.np.flatnonzero
    monkeypatch.setattr(citations.np, "flatnonzero", lambda a: found.append(len(a)) or real(a))
    got = {name: disjunctive_counts(table, matched, masks, (name,), sets=sets)[name] for name in ("province", "year")}
    again = disjunctive_counts(table, matched, masks, ("province",), sets=sets)["province"]
    assert got == expected and again == expected["province"] and expected["province"] and expected["year"]
    assert sorted(map(sorted, sets)) == [[], ["year"]]  # one set per filters applied, shared by the calls
    assert found == [size, size]  # each set's documents found once, whatever counts it again


def test_most_cited_documents_of_the_corpus(engine):
    assert engine.stats()["facets"]["refs"] == {"61/2018/nd-cp": 5, "107/2021/nd-cp": 2, "30c/nq-cp": 1}


def test_a_selected_document_outside_the_most_cited_keeps_its_count(engine, monkeypatch):
    monkeypatch.setattr(engine, "cache_size", 0)
    monkeypatch.setattr(Postings.counts, "__defaults__", (1,))  # only the most cited one
    response = engine.run_search(make_request("", {"refs": ["30c/NQ-CP"]}))
    assert [(b.value, b.count, b.selected) for b in response.facets["refs"]] == [
        ("61/2018/nd-cp", 5, False), ("30c/nq-cp", 1, True)]


def test_same_issuer_lists_the_other_documents_of_an_issuer_code_most_cited_first():
    postings = Postings.of(["1/qd-bnv", "12/qd-ubnd", "2/qd-bnv", "3/qd-bnv", "61/2018/nd-cp"],
                           [np.array([0]), np.array([0, 1]), np.array([1, 2]), np.array([3, 4]), np.array([4])])
    assert same_issuer(postings, "9/qd-bnv") == ["2/qd-bnv", "3/qd-bnv", "1/qd-bnv"]  # ties by value
    assert same_issuer(postings, "2/qd-bnv", limit=1) == ["3/qd-bnv"]  # never the number itself
    assert same_issuer(postings, "5/2020/nd-cp") == ["61/2018/nd-cp"]
    assert same_issuer(postings, "5/kh-ubnd") == [] and same_issuer(postings, "5/qd-ubn") == []


def test_a_number_no_bulletin_has_or_cites_finds_those_citing_its_issuer_and_says_so(engine):
    response = engine.run_search(make_request("9/2020/NĐ-CP"))
    cites = {hit.id: engine.document(hit.id)["refs"] for hit in response.results}
    assert response.to_dict()["same_issuer"] == {"number": "9/2020/NĐ-CP", "cited": ["61/2018/NĐ-CP", "107/2021/NĐ-CP"]}
    assert response.total == len(cites) == 6 and all(refs for refs in cites.values())  # 5 cite 61, 2 cite 107
    both = [hit.id for hit in response.results if len(cites[hit.id]) > 1]
    assert both and [hit.id for hit in response.results[:len(both)]] == both  # citing more of them ranks first
    assert engine.run_search(make_request("1/nq-cp")).same_issuer == {"number": "1/nq-cp", "cited": ["30c/NQ-CP"]}
    for kept in ("61/2018/NĐ-CP", "1/QĐ-XYZ", "9/2020/NĐ-CP year:1999"):  # found; no kin; none citing them
        assert "same_issuer" not in engine.run_search(make_request(kept)).to_dict()


@pytest.mark.parametrize("values", [9, 64, 70])  # the topics; as many as the bits of a number; more
@pytest.mark.parametrize("share", [0.0, 0.05, 0.49, 0.51, 0.95, 1.0])
def test_a_multi_valued_facet_counts_each_values_documents_of_the_set(values, share):
    from search.facets import FacetTable
    rng = np.random.default_rng(values * 100 + int(share * 100))
    size = 2_000
    members = [rng.random(size) < rng.uniform(0.0, 0.6) for _ in range(values)]
    names = [f"t{n:02d}" for n in range(values)]
    table = FacetTable(size, np.ones(size, dtype=bool), {"topic": names}, {}, {"topic": members},
                       np.zeros(size, dtype=np.int64))
    within = rng.random(size) < share
    expected = {name: int(np.count_nonzero(m & within)) for name, m in zip(names, members, strict=True)}
    assert table.counts("topic", within) == {name: n for name, n in expected.items() if n}
    assert table.counts("topic", within) == table.counts("topic", within.copy())  # again, from what was kept
