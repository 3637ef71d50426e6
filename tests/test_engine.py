"""Searches against real indexes on disk: the bundled samples and a small corpus with given metadata."""

import json
import shutil
import unicodedata
from collections import Counter

import numpy as np
import pytest

from indexer.builder import build_index
from search.engine import SearchEngine, unquoted_query
from search.models import make_request
from search.query import QuerySyntaxError
from tests.conftest import CORPUS
from tests.helpers import holding

S0, S1, S2, S3, S4 = ("000_19ab6ee4ef156fa2", "001_db3e4cde8e9e11f8", "002_3240b270d685cc74",
                      "003_a55e86e18369f327", "004_e6afc45b14d197f5")
ALL = {S0, S1, S2, S3, S4}


def _ids(engine, query, **kw):
    response = engine.run_search(make_request(query, per_page=100, **kw))
    assert response.total == len(response.results)
    return [hit.id for hit in response.results]


@pytest.mark.parametrize("query, expected", [
    # accented, unaccented and mixed input
    ("cải cách hành chính", ALL),
    ("cai cach hanh chinh", ALL),
    ("cải cach hanh chính", ALL),
    (unicodedata.normalize("NFD", "cải cách hành chính"), ALL),
    # phrases, with and without diacritics
    ('"chính quyền số"', {S1}),
    ('"chinh quyen so"', {S1}),
    ('"một cửa liên thông"', {S0, S1, S2, S4}),
    ('"mot cua lien thong"', {S0, S1, S2, S4}),
    # document numbers, any spelling
    ("61/2018/NĐ-CP", {S0}),
    ("61/2018/nd-cp", {S0}),
    ("refs:61/2018/nd-cp", {S0}),
    ("4003/QĐ-UBND", {S3}),
    ("362/SNV-CCHC", {S2}),
    # old and new tone placement
    ("Uỷ ban", {S1, S2, S3}),
    ("Ủy ban", {S1, S2, S3}),
    ("hoá", {S0, S1, S2, S3}),
    ("thuỷ", {S4}),
    ("Thủy", {S4}),
    # abbreviations both ways
    ("UBND", ALL),
    ("ủy ban nhân dân", ALL),
    ("PAR Index", {S1, S3}),
    ("SIPAS", {S0, S1, S3}),  # S0 writes only "chỉ số hài lòng", the index's Vietnamese name
    # boolean operators and fields
    ("SIPAS OR PAPI", {S0, S1, S3}),
    ("CCHC -tthc", set()),
    ("iGate OR iso", {S2, S4}),
    ('title:"kế hoạch"', {S3}),
    ('province:"cao bang"', {S0}),
    ("year:2021", {S3, S4}),
    ("year:2014-2021", {S2, S3, S4}),
    ("quarter:q1", {S0, S4}),
    ("tien giang", {S1}),
    ("ISO 9001:2008", {S2}),
])
def test_query_finds_exactly(engine, query, expected):
    response = engine.run_search(make_request(query, per_page=100))
    assert {hit.id for hit in holding(response)} == expected


def test_ranking_puts_the_best_match_first(engine):
    assert _ids(engine, "chính quyền số")[0] == S1
    assert _ids(engine, "kế hoạch cải cách hành chính năm 2021")[0] == S3
    assert _ids(engine, "sơn la")[0] == S2


@pytest.mark.parametrize("facet", ["province", "province_2025", "year", "quarter"])
def test_landing_page_facets_count_the_labels(engine, labels, facet):
    response = engine.run_search(make_request(""))
    expected = Counter(str(label[facet]) for label in labels.values() if label[facet] is not None)
    assert {b.value: b.count for b in response.facets[facet]} == dict(expected)


def test_malformed_and_impossible_queries_raise(engine):
    with pytest.raises(QuerySyntaxError, match="Unknown province 'Atlantis'"):
        engine.run_search(make_request("province:Atlantis"))
    with pytest.raises(QuerySyntaxError, match="Unbalanced quote"):
        engine.run_search(make_request('"abc'))


def test_document_and_stats(engine, labels):
    doc = engine.document(S2, query="một cửa")
    assert {k: doc[k] for k in ("id", "title", "province", "year", "quarter", "published")} == {
        "id": S2, "title": labels[S2]["title"], "province": "Sơn La", "year": 2014, "quarter": "H1",
        "published": "2014-06-12"}
    assert "<mark>một cửa</mark>" in doc["text_highlighted"]
    assert engine.document("nope") is None
    stats = engine.stats()
    assert (stats["documents"], stats["provinces"], stats["years"]) == (5, 3, [2014, 2022])


# -- a corpus whose metadata is given, for exact filter, facet, sort and paging structures ----------
RECORDS = [
    {"id": "r1", "text": "Thực hiện một cửa liên thông.", "province": "Cao Bằng", "year": 2022, "quarter": "Q1",
     "topics": ["thu_tuc"], "published": "2022-04-01"},
    {"id": "r2", "text": "Bộ phận một cửa.", "province": "Cao Bằng", "year": 2021, "quarter": "FY",
     "topics": ["thu_tuc", "cong_vu"], "published": "2021-12-20"},
    {"id": "r3", "text": "Đào tạo công chức.", "province": "Sơn La", "year": 2022, "quarter": "Q2",
     "topics": ["cong_vu"], "published": "2022-07-05"},
    {"id": "r4", "text": "Một cửa hiện đại.", "province": "Sơn La", "year": 2020, "quarter": "H1",
     "topics": [], "published": "2020-06-30"},
    {"id": "r5", "text": "Một cửa điện tử.", "province": "Tiền Giang", "year": 2022, "quarter": "FY",
     "topics": ["thu_tuc"]},
    {"id": "r6", "text": "Hội nghị tập huấn.", "year": 2019, "topics": [], "published": "2019-01-01"},
]


@pytest.fixture(scope="module")
def given(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("given")
    (corpus / "records.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS))
    build_index(corpus, corpus / "index", jobs=1)
    return SearchEngine(corpus / "index")


def _facets(response):
    return {name: [(b.value, b.label, b.count, b.selected) for b in buckets]
            for name, buckets in response.facets.items()}


def test_filters_or_within_a_facet_and_across_facets(given):
    response = given.run_search(make_request("một cửa", {"province": ["Cao Bằng", "son la"], "year": ["2022"]}))
    assert [h.id for h in response.results] == ["r1"]
    assert response.total == 1
    assert _facets(response) == {
        "province": [("Cao Bằng", "Cao Bằng", 1, True), ("Tiền Giang", "Tiền Giang", 1, False),
                     ("Sơn La", "Sơn La", 0, True)],
        "province_2025": [("Cao Bằng", "Cao Bằng", 1, False)],
        "year": [("2022", "2022", 1, True), ("2021", "2021", 1, False), ("2020", "2020", 1, False)],
        "quarter": [("Q1", "Quý I", 1, False)],
        "topic": [("thu_tuc", "Cải cách thủ tục hành chính", 1, False)],
        "refs": [],
    }


def test_topic_filter_and_english_labels(given):
    response = given.run_search(make_request("", {"topic": ["cong_vu"]}, lang="en"))
    assert sorted(h.id for h in response.results) == ["r2", "r3"]
    assert _facets(response)["topic"] == [
        ("thu_tuc", "Administrative procedures", 3, False), ("cong_vu", "Civil service", 2, True)]
    assert _facets(response)["quarter"] == [("Q2", "Q2", 1, False), ("FY", "Full year", 1, False)]


def test_sorting_and_paging(given):
    assert _ids(given, "", sort="newest") == ["r5", "r3", "r1", "r2", "r4", "r6"]
    assert _ids(given, "", sort="oldest") == ["r6", "r4", "r2", "r1", "r3", "r5"]
    assert _ids(given, "một cửa", sort="oldest") == ["r4", "r2", "r1", "r5"]
    page = given.run_search(make_request("", sort="newest", page=2, per_page=2))
    assert (page.total, [h.id for h in page.results]) == (6, ["r1", "r2"])
    beyond = given.run_search(make_request("", page=5, per_page=2))
    assert (beyond.total, beyond.results) == (6, [])


def test_snippets_are_escaped_and_marked(given):
    (hit,) = given.run_search(make_request("liên thông")).results
    assert hit.snippet == "Thực hiện một cửa <mark>liên thông</mark>."


def test_an_index_of_only_bad_files_is_empty_not_broken(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4")
    report = build_index(tmp_path, tmp_path / "index", jobs=1)
    assert (report.total, [s.origin for s in report.skipped]) == (0, ["bad.txt"])
    response = SearchEngine(tmp_path / "index").run_search(make_request("một cửa"))
    assert (response.total, response.results, response.facets["province"]) == (0, [], [])


def test_exact_spelling_ranks_above_a_folded_match(tmp_path):
    records = [{"id": "folded", "text": "Bản tin điện tử của tỉnh, bản tin số hai."},
               {"id": "exact", "text": "Trưởng ban tổ chức họp với ban chỉ đạo."}]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    build_index(tmp_path, tmp_path / "index", jobs=1)
    engine = SearchEngine(tmp_path / "index")
    assert _ids(engine, "ban") == ["exact", "folded"]
    assert _ids(engine, "bản") == ["folded"]


@pytest.mark.parametrize("typed, expected", [
    ("mot cua lien thong", "một cửa liên thông"),
    ("cai cach hanh chinh tinh Cao Bang", "cải cách hành chính tỉnh Cao Bằng"),
    ("Thu tuc hanh chinh", "Thủ tục hành chính"),
    ("cải cách", None),  # already accented
    ("CCHC", None),  # nothing to restore
    ("a AND b", None),  # query syntax is left alone
])
def test_did_you_mean_restores_diacritics_from_the_index(engine, typed, expected):
    assert engine.suggest(typed) == expected


def test_chart_counts_years_by_period_ignoring_the_year_filter(given):
    response = given.run_search(make_request("", {"year": ["2022"]}))
    assert response.chart == {"2022": {"Q1": 1, "Q2": 1, "FY": 1}, "2021": {"FY": 1}, "2020": {"H1": 1},
                              "2019": {None: 1}}


@pytest.mark.parametrize("share", [0.0, 0.3, 0.5, 0.6, 0.97, 1.0])  # counted through the set or those left out
def test_chart_and_facet_counts_are_those_of_a_count_document_by_document(share):
    from search.facets import FacetTable, pivot
    rng = np.random.default_rng(3)
    size, years, quarters = 3_000, [str(y) for y in range(2010, 2026)], ["Q1", "Q2", "Q3", "Q4", "H1", "FY"]
    codes = {"year": rng.integers(-1, len(years), size).astype(np.int32),
             "quarter": rng.integers(-1, len(quarters), size).astype(np.int32)}
    table = FacetTable(size, np.ones(size, dtype=bool), {"year": years, "quarter": quarters}, codes, {},
                       np.zeros(size, dtype=np.int64))
    within = rng.random(size) < share
    expected: dict = {}
    for doc in np.flatnonzero(within):
        year, quarter = codes["year"][doc], codes["quarter"][doc]
        if year >= 0:
            row = expected.setdefault(years[year], {})
            row[quarters[quarter] if quarter >= 0 else None] = row.get(quarters[quarter] if quarter >= 0 else None,
                                                                       0) + 1
    for _ in range(2):  # the second time with every document's tally kept
        assert pivot(table, within, "year", "quarter") == expected
        assert table.counts("year", within) == {year: sum(row.values()) for year, row in expected.items()}
        assert table.counts("quarter", within) == dict(Counter(quarters[c] for c in codes["quarter"][within] if c >= 0))
    assert pivot(table, np.zeros(size, dtype=bool), "year", "quarter") == {}


def test_export_and_similar(given):
    rows = given.export(make_request("một cửa", sort="newest"), limit=100)
    assert [r["id"] for r in rows] == ["r5", "r1", "r2", "r4"]
    assert list(rows[0]) == ["id", "title", "url", "province", "province_2025", "district", "year", "quarter",
                             "published", "topics", "refs"]
    assert {r["id"] for r in given.similar("r1")} == {"r2", "r4", "r5"}
    assert given.similar("nope") == []


def test_filters_that_exclude_every_match_give_no_hits(engine):
    response = engine.run_search(make_request("iGate", {"province": ["Cao Bằng"]}))
    assert (response.total, response.results) == (0, [])


def test_a_filtered_answer_scored_over_the_filter_alone_is_the_whole_evaluations(sample_index, monkeypatch):
    """With a filter, a query of words is scored over the filter's bulletins and the partial matches whose best
    score lifts the complete ones (``search.vector.Compact``): every answer (ids, scores, missing words, facets,
    chart, totals) is the one the whole evaluation gives, and the compact path is the one taken. The five samples
    have no deleted bulletin and few partial matches: this is the quick loop's check; the cases that decide the
    plan (deletions, partial matches outside the filter, counts over every bulletin) are built by the slow
    ``tests/test_vector.py``."""
    from search import vector

    engine = SearchEngine(sample_index, cache_size=0)
    taken = []
    original = vector.VectorSearcher._run_compact
    monkeypatch.setattr(vector.VectorSearcher, "_run_compact",
                        lambda self, node, plan: taken.append(len(plan.at)) or original(self, node, plan))
    sizes, masks = [], vector.VectorSearcher._best_masks  # the searcher's size wherever a best match's masks are made
    monkeypatch.setattr(vector.VectorSearcher, "_best_masks",
                        lambda self, *args: sizes.append(self.size) or masks(self, *args))
    filters = [{"province": ["Sơn La"]}, {"province": ["Cao Bằng", "Tiền Giang"]}, {"year": ["2014", "2019"]},
               {"topic": ["thu_tuc"], "quarter": ["H1"]}]
    answers = {}
    for share in (-1.0, 1.0):
        monkeypatch.setattr(vector, "COMPACT_SHARE", share)
        answers[share] = [engine.run_search(make_request(query, chosen, sort=sort)).to_dict()
                          for query in ("cải cách hành chính", "một cửa liên thông", "cai cach -igate", "xyzzy thủ tục")
                          for chosen in filters for sort in ("relevance", "newest")]
    assert answers[1.0] == answers[-1.0]
    assert len(taken) == 32 and sum(a["total"] for a in answers[1.0]) > 0
    assert set(sizes) == {5}  # the compact evaluation reads the masks its plan made over every bulletin


def test_answers_are_cached_per_index_state_and_a_new_index_starts_afresh(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    build_index(corpus, tmp_path / "index", jobs=1)
    engine = SearchEngine(tmp_path / "index", cache_size=2)
    first = engine.run_search(make_request("một cửa"))
    assert engine.run_search(make_request("một cửa")) is first
    assert engine.run_search(make_request("một cửa", lang="en")) is not first  # labels differ by language
    engine.run_search(make_request("thủ tục"))
    assert engine.run_search(make_request("một cửa")) is not first  # dropped: least recently used
    (corpus / "000_19ab6ee4ef156fa2.txt").unlink()
    build_index(corpus, tmp_path / "index", jobs=1)
    engine._checked = 0  # skip the one-second wait before looking at the disk again
    assert engine.run_search(make_request("")).total == 4
    assert SearchEngine(tmp_path / "index", cache_size=0).run_search(make_request("")).total == 4


def test_a_quoted_phrase_no_bulletin_holds_falls_back_to_its_words_and_says_so(given):
    exact = given.run_search(make_request('"một cửa liên thông"'))
    assert ([h.id for h in holding(exact)], exact.unquoted) == (["r1"], None)  # the phrase is there: kept
    missing = given.run_search(make_request('"cửa một" hiện đại'))  # no bulletin has the words in this order
    assert (missing.query, missing.unquoted) == ('"cửa một" hiện đại', "cửa một hiện đại")
    assert missing.results[0].id == "r4" and missing.to_dict()["unquoted"] == "cửa một hiện đại"
    for kept in ('-"một cửa" "tập đào"', 'title:"cửa một"', '"cửa một" NOT "đào tạo"'):
        assert given.run_search(make_request(kept)).unquoted is None  # quotes that carry meaning stay
    filtered = given.run_search(make_request('"cửa một"', {"province": ["Cao Bằng"]}))
    assert sorted(h.id for h in filtered.results) == ["r1", "r2"] and filtered.unquoted == "cửa một"


@pytest.mark.parametrize("query, words", [
    ('"cửa một" hiện đại', "cửa một hiện đại"),
    ('"a OR b" c', "a or b c"),  # a phrase's words stay words: no operator, sign, bracket or field
    ('"(x) -y +z year:2020"', "x y z year 2020"),
    ('a "b" "c d"', "a b c d"),
    ('""', None), ('một cửa', None), ('title:"một cửa"', None), ('-"một cửa"', None), ('"a" NOT "b"', None)])
def test_the_words_of_a_query_s_quoted_phrases(query, words):
    assert unquoted_query(query) == words


def test_an_export_answers_a_quoted_phrase_no_bulletin_holds_as_the_page_does(given):
    request = make_request('"cửa một" hiện đại', per_page=100)
    page = [h.id for h in given.run_search(request).results]
    assert page and [row["id"] for row in given.export(request, 100)] == page


def test_a_facet_mask_selects_the_documents_with_a_chosen_value_and_never_those_without_one():
    """``FacetTable.mask`` of a single-valued facet: documents whose code is one of the chosen values; a
    document without a value (code -1) is never chosen, an unknown value chooses nothing."""
    from search.facets import FacetTable

    codes = np.array([0, -1, 1, 0, -1, 2], dtype=np.int32)
    table = FacetTable(6, np.ones(6, dtype=bool), {"year": ["2020", "2021", "2022"]}, {"year": codes}, {},
                       np.zeros(6, dtype=np.int64))
    assert table.mask("year", ["2020"]).tolist() == [True, False, False, True, False, False]
    assert table.mask("year", ["2022", "2021", "1999"]).tolist() == [False, False, True, False, False, True]
    assert table.mask("year", ["1999"]).tolist() == [False] * 6


def test_bulletins_without_a_date_come_last_oldest_first_too(tmp_path):
    from tests.helpers import engine_over
    texts = {"dated2019": "Kết quả một cửa năm 2019\n\nNgày đăng: 05/03/2019\n\nTỉnh đẩy mạnh cơ chế một cửa.",
             "undated": "Cơ chế một cửa\n\nTỉnh tiếp tục đẩy mạnh cơ chế một cửa tại các xã.",
             "dated2022": "Kết quả một cửa năm 2022\n\nNgày đăng: 10/08/2022\n\nTỉnh đẩy mạnh cơ chế một cửa."}
    engine = engine_over(texts, tmp_path)
    assert _ids(engine, "một cửa", sort="oldest") == ["dated2019", "dated2022", "undated"]
    assert _ids(engine, "một cửa", sort="newest") == ["dated2022", "dated2019", "undated"]


def test_a_filters_mask_is_made_once_per_index_state_read_only_whatever_the_order_of_its_values():
    from search.facets import FacetTable
    rng = np.random.default_rng(5)
    size = 500
    province = rng.integers(-1, 4, size).astype(np.int32)
    topic = [rng.random(size) < 0.3, rng.random(size) < 0.5]
    table = FacetTable(size, np.ones(size, dtype=bool), {"province": list("ABCD"), "topic": ["x", "y"]},
                       {"province": province}, {"topic": topic}, np.zeros(size, dtype=np.int64))
    first = table.mask("province", ["C", "A"])
    assert table.mask("province", ["A", "C", "A"]) is first  # one mask per set of values, kept
    assert first.tolist() == ((province == 0) | (province == 2)).tolist()
    assert table.mask("topic", ["y", "x"]).tolist() == (topic[0] | topic[1]).tolist()
    with pytest.raises(ValueError):
        first[0] = not first[0]  # shared by every request filtering on these values: never changed in place
    table.masks.resize(0)  # a cache that keeps nothing: made again, the same documents
    again = table.mask("province", ["A", "C"])
    assert again is not first and again.tolist() == first.tolist()


def test_a_filter_counts_the_bulletins_of_the_new_index_after_a_rebuild(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    build_index(corpus, tmp_path / "index", jobs=1)
    engine = SearchEngine(tmp_path / "index", cache_size=0)
    year = engine.run_search(make_request("")).facets["year"][0].value
    before = engine.run_search(make_request("", {"year": [year]})).total
    (corpus / "added.txt").write_text(f"Kết quả cải cách hành chính năm {year}\n\nNăm {year}, tỉnh Cao Bằng tiếp nhận "
                                      "1.200 hồ sơ thủ tục hành chính, giải quyết đúng hạn 98%.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", jobs=1)
    engine._checked = 0  # skip the one-second wait before looking at the disk again
    assert before and engine.run_search(make_request("", {"year": [year]})).total == before + 1
