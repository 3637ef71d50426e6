"""Best-match retrieval, exact phrases and query understanding, on a small real index on disk.

The bulletins below are written for these tests; each one exists to make one rule observable.
"""

from __future__ import annotations

import numpy as np
import pytest

from search.engine import SearchEngine
from search.models import RequestError, make_request
from search.relevance import Relevance
from tests.helpers import engine_over, holding
from tests.helpers import ranked_ids as ids

BULLETINS = {
    # the phrase "một cửa liên thông" only scattered: across sentences and inside other words
    "scattered": ("Cửa hàng mở cửa",
                  "Cửa hàng một cửa. Cửa liên doanh mới mở. Liên thông dữ liệu giữa các cửa hàng được nâng cấp."),
    # the phrase's pairs all present, never in a row: "a b c d" is not "a b ... b c ... c d"
    "pairs-apart": ("Tin địa phương",
                    "Xã có một cửa hàng. Bộ phận cửa liên kết với trường. Học sinh liên thông lên đại học."),
    "phrase": ("Huyện đẩy mạnh một cửa liên thông",
               "Huyện đẩy mạnh cơ chế một cửa liên thông hiện đại trong năm 2021, giảm thời gian chờ."),
    "line-break": ("Sắp xếp bộ máy",
                   "Kết quả cải cách\nhành chính được đánh giá cao nhờ tinh gọn bộ máy."),
    "sentence-break": ("Đánh giá công chức",
                       "Đợt này tập trung cải cách. Hành chính công được đánh giá lại theo vị trí việc làm."),
    "satisfaction": ("Công bố chỉ số hài lòng năm 2021",
                     "Sở Nội vụ công bố kết quả đo lường sự hài lòng của người dân đối với sự phục vụ của "
                     "cơ quan hành chính nhà nước năm 2021 với chỉ số SIPAS đạt 84,5%."),
    "survey": ("Khảo sát mức độ hài lòng",
               "Tỉnh khảo sát mức độ hài lòng của người dân về dịch vụ hành chính công tại bộ phận một cửa."),
    "online": ("Dịch vụ công trực tuyến mức độ 3, 4",
               "Toàn tỉnh cung cấp 850 dịch vụ công trực tuyến mức độ 3,4 trên Cổng dịch vụ công."),
    "q1-2021": ("Kết quả cải cách hành chính quý I năm 2021",
                "Trong quý I năm 2021, tỉnh Cao Bằng triển khai kế hoạch cải cách hành chính, kiểm soát "
                "thủ tục hành chính theo Nghị định 61/2018/NĐ-CP."),
    "q1-2022": ("Kết quả cải cách hành chính quý I năm 2022",
                "Trong quý I năm 2022, tỉnh Cao Bằng triển khai kế hoạch cải cách hành chính năm 2022."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> SearchEngine:
    return engine_over({name: f"{title}\n\n{text}" for name, (title, text) in BULLETINS.items()},
                       tmp_path_factory.mktemp("relevance"))


@pytest.mark.parametrize("query", ['"một cửa liên thông"', '"mot cua lien thong"', '"Một Cửa Liên Thông"'])
def test_phrase_matches_only_where_its_syllables_stand_in_a_row(engine, query):
    response = engine.run_search(make_request(query))
    assert [hit.id for hit in holding(response)] == ["phrase"]
    assert "<mark>một cửa liên thông</mark>" in response.results[0].snippet
    strict = SearchEngine(engine.root, relevance=Relevance(widen_below=0)).run_search(make_request(query))
    assert ([hit.id for hit in strict.results], strict.phrase_matches) == (["phrase"], None)


def test_a_phrase_few_bulletins_hold_is_followed_by_those_holding_its_words_otherwise(engine):
    """Fewer than a page hold the phrase: the same words without quotes follow them (never before them, whatever
    their scores), each hit naming the phrase it lacks; the total, the facets and every page count them."""
    response = engine.run_search(make_request('"một cửa liên thông"'))
    assert [(hit.id, hit.missing) for hit in response.results] == [
        ("phrase", []), ("pairs-apart", ['"một cửa liên thông"']), ("scattered", ['"một cửa liên thông"']),
        ("survey", ["liên thông", '"một cửa liên thông"'])]
    assert response.results[1].score > response.results[0].score  # a tier of its own, after the phrase
    assert (response.total, response.phrase_matches, response.full_matches) == (4, 1, 1)
    assert {k: v for k, v in response.to_dict().items() if k in ("total", "phrase_matches", "full_matches")} == {
        "total": 4, "phrase_matches": 1, "full_matches": 1}
    assert "<mark>Liên thông</mark>" in response.results[2].snippet  # the words are marked where they stand
    paged = [engine.run_search(make_request('"một cửa liên thông"', page=p, per_page=3)) for p in (1, 2)]
    assert [hit.id for page in paged for hit in page.results] == [hit.id for hit in response.results]
    # with other words: the phrase's holders first, those lacking a word among them, then the words' tier
    mixed = engine.run_search(make_request('"cải cách hành chính" năm 2021'))
    assert [(hit.id, hit.missing) for hit in mixed.results] == [
        ("q1-2021", []), ("q1-2022", ["2021"]), ("line-break", ["năm", "2021"]),
        ("satisfaction", ["cải cách", '"cải cách hành chính"']),
        ("phrase", ["cải cách", "hành chính", '"cải cách hành chính"']),
        ("sentence-break", ["năm", "2021", '"cải cách hành chính"'])]
    assert (mixed.phrase_matches, mixed.full_matches) == (3, 3)  # each holder holds enough of the words
    newest = engine.run_search(make_request('"một cửa liên thông"', sort="newest"))  # no ranking: not widened
    assert ([hit.id for hit in newest.results], newest.phrase_matches) == (["phrase"], None)


def test_the_words_of_a_phrase_are_explained_as_their_own_tier(engine):
    results = engine.run_search(make_request('"một cửa liên thông"', explain=True)).to_dict()["results"]
    tiers = [(hit["explanation"]["description"], [d["description"] for d in hit["explanation"]["details"]])
             for hit in results[:2]]
    assert tiers == [("the quoted phrases, then their words without quotes", ["sum of"]),
                     ("the quoted phrases, then their words without quotes", ["the words without quotes"])]
    assert [hit["explanation"]["value"] for hit in results] == [round(hit["score"], 6) for hit in results]


@pytest.mark.parametrize(("query", "expected"), [
    # not across "cải cách. Hành"; across "cải cách\nhành", a hard wrap inside a sentence
    ('"cải cách hành chính"', ["q1-2021", "q1-2022", "line-break"]),
    ('"cai cach hanh chinh"', ["q1-2021", "q1-2022", "line-break"]),
    ('"cải cách"', ["line-break", "sentence-break", "q1-2021", "q1-2022"]),
    ('"hành chính công"', ["survey", "sentence-break"]),
    ('"liên thông"', ["scattered", "phrase", "pairs-apart"]),
])
def test_phrase_never_spans_a_sentence_end_or_a_line_break(engine, query, expected):
    assert sorted(hit.id for hit in holding(engine.run_search(make_request(query)))) == sorted(expected)


def test_phrase_with_diacritics_matches_those_diacritics(engine):
    assert ids(engine, '"một cửa"') and engine.run_search(make_request('"một cửa"')).unquoted is None
    assert engine.run_search(make_request('"mốt cựa"')).unquoted == "mốt cựa"  # the phrase holds nowhere


def test_every_phrase_result_has_the_phrase_marked(engine):
    for query in ('"cải cách hành chính"', '"dịch vụ công trực tuyến"', '"sự hài lòng của người dân"'):
        response = engine.run_search(make_request(query))
        assert response.total > 0
        for hit in holding(response):
            assert "<mark>" in hit.snippet and query.strip('"').split()[0] in hit.snippet.lower(), hit.id


def test_best_match_returns_partial_matches_after_complete_ones(engine):
    query = "đo lường sự hài lòng của người dân đối với cơ quan hành chính nhà nước"
    response = engine.run_search(make_request(query))
    found = [(hit.id, hit.missing) for hit in response.results]
    assert found[0] == ("satisfaction", [])
    assert ("survey", ["đo lường", "cơ quan", "nhà nước"]) in found
    assert response.total == len(found)


def test_match_all_requires_every_word(engine):
    query = "đo lường sự hài lòng của người dân đối với cơ quan hành chính nhà nước"
    assert ids(engine, query, match="all") == ["satisfaction"]
    assert ids(engine, "khảo sát đo lường", match="all") == []
    assert ids(engine, "khảo sát đo lường") != []


def test_function_words_are_never_required(engine):
    assert engine.run_search(make_request("của các những hài lòng")).total == 2


def test_plus_and_explicit_and_require_their_words(engine):
    assert ids(engine, "+SIPAS hài lòng") == ["satisfaction"]
    assert ids(engine, "khảo sát AND SIPAS") == []
    assert sorted(ids(engine, "khảo sát SIPAS")) == ["satisfaction", "survey"]


def test_numbers_match_as_written(engine):
    assert ids(engine, "mức độ 3, 4", match="all") == ["online"]
    assert ids(engine, "muc do 3 4", match="all") == ["online"]
    assert ids(engine, "mức độ 3,4", match="all") == ["online"]


def test_named_year_and_period_lift_matching_bulletins(engine):
    response = engine.run_search(make_request("kết quả cải cách hành chính quý I năm 2021 Cao Bằng"))
    assert response.understood == {"year": "2021", "quarter": "Q1", "province": "Cao Bằng"}
    assert [hit.id for hit in response.results][:2] == ["q1-2021", "q1-2022"]
    assert response.to_dict()["understood"] == {"year": "2021", "quarter": "Q1", "province": "Cao Bằng"}


def test_unknown_match_mode_is_refused():
    with pytest.raises(RequestError, match="Unknown match 'some'"):
        make_request("x", match="some")


def test_missing_words_are_listed_when_the_query_also_names_a_period(engine):
    response = engine.run_search(make_request("khảo sát SIPAS năm 2021"))
    assert response.understood == {"year": "2021"}
    assert response.full_matches == 3  # fewer than a page: those holding only some of the words follow
    assert [(hit.id, hit.missing) for hit in response.results] == [
        ("satisfaction", ["khảo sát"]), ("q1-2021", ["khảo sát", "SIPAS"]), ("phrase", ["khảo sát", "SIPAS"]),
        ("survey", ["SIPAS", "năm", "2021"]), ("q1-2022", ["khảo sát", "SIPAS", "2021"])]


def test_a_short_answer_is_widened_by_the_bulletins_holding_some_of_the_words_after_the_full_ones(engine):
    query = "khảo sát SIPAS năm 2021"
    wide = engine.run_search(make_request(query))
    hits = [(hit.id, hit.missing) for hit in wide.results]
    assert (wide.total, wide.full_matches, wide.to_dict()["full_matches"]) == (5, 3, 3)
    assert hits[3:] == [("survey", ["SIPAS", "năm", "2021"]), ("q1-2022", ["khảo sát", "SIPAS", "2021"])]
    assert wide.results[3].score > wide.results[2].score  # a partial match stays after the full ones
    paged = [engine.run_search(make_request(query, page=page, per_page=2)) for page in (1, 2, 3)]
    assert [hit.id for page in paged for hit in page.results] == [hit.id for hit in wide.results]
    assert {(page.total, page.full_matches) for page in paged} == {(5, 3)}
    filtered = engine.run_search(make_request(query, {"year": ["2022"]}))  # partial matches pass the filters
    assert ([hit.id for hit in filtered.results], filtered.full_matches) == (["q1-2022"], 0)
    excluded = engine.run_search(make_request(query + ' -"một cửa"'))  # and the exclusions
    assert ([hit.id for hit in excluded.results], excluded.full_matches) == (["satisfaction", "q1-2021", "q1-2022"], 2)
    by_date = engine.run_search(make_request(query, sort="newest"))  # no ranking to put them after: not widened
    assert (by_date.total, by_date.full_matches, "full_matches" in by_date.to_dict()) == (3, None, False)
    strict = SearchEngine(engine.root, relevance=Relevance(widen_below=0)).run_search(make_request(query))
    assert [hit.id for hit in strict.results] == [hit.id for hit in wide.results[:3]] and strict.full_matches is None


def test_an_answer_of_a_page_or_more_is_never_widened(engine):
    relevance = Relevance(widen_below=3)
    full = SearchEngine(engine.root, relevance=relevance).run_search(make_request("khảo sát SIPAS năm 2021"))
    assert (full.total, full.full_matches) == (3, None)


def test_the_idf_floor_keeps_a_rare_word_ahead_and_every_weight_positive():
    from search.relevance import DEFAULT, Relevance, idf

    common, rare = float(idf(380, 400)), float(idf(6, 400))
    whoosh_common, whoosh_rare = np.log(400 / 381) + 1, np.log(400 / 7) + 1  # Whoosh's idf
    assert rare / common > 5 > whoosh_rare / whoosh_common  # "Phú Quốc" against "hành" in 95% of bulletins
    assert min(float(idf(n, n)) for n in (1, 2, 5)) >= DEFAULT.idf_floor > 0  # even in an index of one
    assert float(idf(380, 400, Relevance(idf_floor=1.0).idf_floor)) == float(np.log(401 / 381) + 1)


def test_whooshs_searcher_weights_terms_as_the_array_evaluator(engine):
    from search.relevance import idf

    state = engine._current()
    searcher = state.searcher
    for field, term in (("content", "hành"), ("content", "sipas")):
        frequency = searcher.doc_frequency(field, term)
        assert frequency > 0
        assert searcher.idf(field, term) == float(idf(frequency, searcher.doc_count_all()))


def test_a_filtered_short_answer_is_followed_by_the_filtered_bulletins_holding_a_syllable_of_its_words(tmp_path):
    bulletins = {
        "full": "Sắp xếp bộ máy năm 2025\n\nNăm 2025, huyện sắp xếp bộ máy các phòng chuyên môn.",
        "syllable": "Hội nghị năm 2025\n\nNăm 2025, huyện họp bàn việc bố trí máy móc cho các xã.",
        "nothing": "Lễ hội năm 2025\n\nNăm 2025, xã tổ chức lễ hội truyền thống đầu xuân.",
        "other-year": "Sắp xếp bộ máy năm 2024\n\nNăm 2024, huyện sắp xếp bộ máy các phòng chuyên môn.",
    }
    engine = engine_over(bulletins, tmp_path)
    filtered = engine.run_search(make_request("sắp xếp bộ máy", {"year": ["2025"]}))
    assert ([hit.id for hit in filtered.results], filtered.total, filtered.full_matches) == (["full", "syllable"], 2, 1)
    assert filtered.results[1].score > 0  # ranked by the syllables it holds
    unfiltered = engine.run_search(make_request("sắp xếp bộ máy"))  # no filter: a syllable alone finds nothing
    assert sorted(hit.id for hit in unfiltered.results) == ["full", "other-year"]
    strict = SearchEngine(engine.root, relevance=Relevance(widen_below=0))
    assert [hit.id for hit in strict.run_search(make_request("sắp xếp bộ máy", {"year": ["2025"]})).results] == ["full"]


def test_a_headline_holding_every_word_of_the_query_lifts_its_bulletin(tmp_path):
    query = "Trung tâm Phục vụ hành chính công tỉnh đi vào hoạt động"
    bulletins = {
        "headline": f"{query}\n\nSáng 2/1, tỉnh khai trương nơi tiếp nhận hồ sơ của người dân và doanh nghiệp.",
        "body": ("Tổng kết công tác năm 2020 của tỉnh\n\nTrung tâm phục vụ hành chính công của tỉnh; hoạt động đi "
                 "vào nền nếp, cán bộ làm việc hiệu quả, phục vụ tốt người dân."),
    }
    engine = engine_over(bulletins, tmp_path)
    lifted = {hit.id: hit.score for hit in engine.run_search(make_request(query)).results}
    plain = SearchEngine(engine.root, relevance=Relevance(headline_lift=0)).run_search(make_request(query)).results
    unlifted = {hit.id: hit.score for hit in plain}
    assert [hit.id for hit in plain] == ["body", "headline"]  # the body's words outweigh a half-weight headline
    assert sorted(lifted, key=lifted.get, reverse=True) == ["headline", "body"]
    assert (lifted["headline"] / unlifted["headline"], lifted["body"]) == (pytest.approx(1.2), unlifted["body"])


def test_a_place_the_query_names_orders_the_first_ten_and_never_changes_which_ten(tmp_path):
    places = ["Hà Tĩnh", "Quảng Bình", "Thanh Hóa", "Quảng Trị", "Ninh Bình", "Nam Định", "Nghệ An", "Thái Bình",
              "Hà Nam", "Lào Cai", "Yên Bái", "Hưng Yên", "Hải Dương", "Bắc Ninh", "Nghệ An"]
    bulletins = {}
    lengths = [*range(6), 14, *range(7, 14), 60]  # sentences added: the longer, the lower the score
    for at, place in enumerate(places):
        told = " ".join(["Trung tâm phục vụ hành chính công tỉnh tiếp nhận hồ sơ."] + ["Người dân hài lòng."]
                        * lengths[at])
        visit = "" if place == "Nghệ An" else " Đoàn học tập mô hình Nghệ An, kinh nghiệm Nghệ An."
        bulletins[f"{at:02d}"] = f"Tin cải cách hành chính\n\nTỉnh {place} cải cách hành chính. {told}{visit}"
    query = "trung tâm phục vụ hành chính công tỉnh Nghệ An"
    root = engine_over(bulletins, tmp_path).root
    # the page's order alone (the lengths above place "06" eighth with these settings)
    lifted = SearchEngine(root, relevance=Relevance(understood_boost=0, place_weight=1, proximity_boost=1))
    flat = SearchEngine(root, relevance=Relevance(understood_boost=0, page_lift=0, place_weight=1, proximity_boost=1))
    before = [hit.id for hit in flat.run_search(make_request(query, per_page=20)).results]
    after = lifted.run_search(make_request(query, per_page=20, explain=True))
    ordered = [hit.id for hit in after.results]
    assert after.understood == {"province": "Nghệ An"}
    assert (before.index("06"), ordered.index("06")) == (7, 0)  # of the named province: first of the ten
    assert (before.index("14"), ordered.index("14")) == (14, 14)  # past the first ten: left where it is
    assert sorted(ordered[:10]) == sorted(before[:10]) and ordered[10:] == before[10:]
    pages = [hit.id for page in (1, 2) for hit in lifted.run_search(make_request(query, page=page,
                                                                                per_page=5)).results]
    assert pages == ordered[:10]  # the same first ten at any page size
    top = after.results[0].explanation
    assert (top["value"], top["description"]) == (pytest.approx(after.results[0].score, abs=1e-5),
                                                  "times 1 + 0.3 per place or period of the query it has, among "
                                                  "the first 10")
    assert top["details"][1] == {"value": pytest.approx(1.3), "description": "times"}
    assert [hit.score for hit in after.results] == sorted((hit.score for hit in after.results), reverse=True)


def test_complete_matches_are_lifted_by_a_share_of_the_best_partial_score_plus_one():
    from search.relevance import complete_lift

    scores = np.array([2.0, 5.0, 0.5, 3.0, 0.0, 1.25])
    complete = np.array([True, False, True, False, False, True])
    partial = np.array([False, True, False, True, False, False])  # best partial: 5.0, so the lift is 0.5 * 6
    assert complete_lift(scores, complete, partial, 0.5).tolist() == [5.0, 5.0, 3.5, 3.0, 0.0, 4.25]
    assert complete_lift(scores, complete, partial, 1.0).tolist() == [8.0, 5.0, 6.5, 3.0, 0.0, 7.25]
    for share, left_out in ((0.0, partial), (0.5, np.zeros(6, dtype=bool))):  # no lift, or no partial match
        assert complete_lift(scores, complete, left_out, share).tolist() == scores.tolist()
