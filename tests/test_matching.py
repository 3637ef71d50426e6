"""Matching defects seen on real pages (issue 17), each on a small real index on disk.

The bulletins are written for these tests in the style of real portal pages and official documents; each
one makes one rule observable.
"""

from __future__ import annotations

import pytest

from indexer.builder import build_index
from search.engine import SearchEngine
from search.models import make_request

PAGES = {
    # an official document: its number stands above the kind and subject that become the title
    "plan-23": "\n".join([
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 23/KH-UBND | Lào Cai, ngày 15 tháng 01 năm 2021",
        "",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính năm 2021",
        "",
        "Thực hiện Nghị định số 61/2018/NĐ-CP của Chính phủ, Ủy ban nhân dân tỉnh ban hành kế hoạch kiểm soát "
        "thủ tục hành chính năm 2021 với các nhiệm vụ rà soát, đơn giản hóa và công khai thủ tục.",
    ]),
    # a bulletin citing that plan
    "citing-23": "\n".join([
        "Lào Cai triển khai kiểm soát thủ tục hành chính",
        "",
        "Ngày 20/01/2021, Văn phòng UBND tỉnh hướng dẫn các sở, ngành thực hiện Kế hoạch số 23/KH-UBND về "
        "kiểm soát thủ tục hành chính năm 2021, bảo đảm công khai, minh bạch các thủ tục trên Cổng dịch vụ công.",
    ]),
    # a section label and a lead that stand above the headline the page gives
    "lead-above": "\n".join([
        "Chuyên mục Tuyên truyền pháp luật về phòng chống thiên tai",
        "Hội thi tìm hiểu cải cách hành chính huyện Bảo Thắng",
        "Ngày đăng: 12/05/2022 | Lượt xem: 310",
        "",
        "Ngày 10/5/2022, UBND huyện tổ chức hội thi tìm hiểu về cải cách hành chính cho cán bộ, công chức "
        "cấp xã với 14 đội tham dự.",
    ]),
    "other": "\n".join([
        "Tập huấn nghiệp vụ văn thư lưu trữ",
        "",
        "Sở Nội vụ tổ chức lớp tập huấn nghiệp vụ văn thư lưu trữ cho cán bộ, công chức các sở, ngành năm 2022.",
    ]),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> SearchEngine:
    corpus = tmp_path_factory.mktemp("matching-corpus")
    for name, text in PAGES.items():
        (corpus / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("matching-index")
    build_index(corpus, index, jobs=1)
    return SearchEngine(index)


def ids(engine, query, **options):
    return [hit.id for hit in engine.run_search(make_request(query, **options)).results]


@pytest.mark.parametrize("query", ["23/KH-UBND", "23/kh-ubnd", "số 23/KH-UBND"])
def test_a_document_is_found_by_its_own_number_first_then_those_citing_it(engine, query):
    assert ids(engine, query) == ["plan-23", "citing-23"]


def test_the_refs_facet_still_means_cites(engine):
    assert engine.document("plan-23")["refs"] == ["61/2018/NĐ-CP"]
    assert engine.document("citing-23")["refs"] == ["23/KH-UBND"]
    assert ids(engine, "", filters={"refs": ["23/KH-UBND"]}) == ["citing-23"]


def test_lines_above_the_headline_stay_searchable_but_out_of_title_and_snippet(engine):
    response = engine.run_search(make_request("phòng chống thiên tai"))
    assert [hit.id for hit in response.results] == ["lead-above"]
    hit = response.results[0]
    assert hit.title == "Hội thi tìm hiểu cải cách hành chính huyện Bảo Thắng"
    assert "thiên tai" not in hit.snippet


def test_each_result_has_its_score_best_first(engine):
    response = engine.run_search(make_request("kiểm soát thủ tục hành chính"))
    scores = [hit.score for hit in response.results]
    assert len(scores) >= 2 and all(s > 0 for s in scores) and scores == sorted(scores, reverse=True)
    assert response.to_dict()["results"][0]["score"] == round(scores[0], 6)
    assert "explanation" not in response.to_dict()["results"][0]
    assert all(hit["score"] is None for hit in
               engine.run_search(make_request("", sort="newest")).to_dict()["results"])


def _leaves(node: dict) -> list[dict]:
    return [node] if "details" not in node else [leaf for d in node["details"] for leaf in _leaves(d)]


def _sums(node: dict) -> bool:
    """Every node's value is its boost times the sum of its details' (a Not's is its boost; a leaf stands alone)."""
    if "details" not in node or node["description"] == "not":
        return True
    total = node.get("boost", 1.0) * sum(d["value"] for d in node["details"])
    return abs(total - node["value"]) < 1e-4 and all(_sums(d) for d in node["details"])


def test_explain_says_how_each_score_was_made(engine):
    response = engine.run_search(make_request("23/KH-UBND", explain="1"))
    first, second = (hit["explanation"] for hit in response.to_dict()["results"])
    assert first["value"] == round(response.results[0].score, 6)
    assert "number:23/kh-ubnd ^100" in [leaf["description"] for leaf in _leaves(first)]
    assert "number:23/kh-ubnd ^100" not in [leaf["description"] for leaf in _leaves(second)]
    assert "content:23/kh-ubnd ^1.5" in [leaf["description"] for leaf in _leaves(second)]
    words = engine.run_search(make_request("hội thi cải cách", explain=True)).to_dict()["results"]
    assert all(_sums(hit["explanation"]) for hit in words)


def test_every_query_shape_goes_through_one_evaluator(engine):
    everything = set(PAGES)
    assert set(ids(engine, 'NOT "thiên tai"', per_page=100)) == everything - {"lead-above"}
    assert set(ids(engine, "văn thư OR NOT (thủ tục)", per_page=100)) == {"other", "lead-above"}
    assert ids(engine, "-thủ -tục") == ids(engine, "NOT (thủ tục)")
