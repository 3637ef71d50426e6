"""``python -m bench.quality``: the measures, mini judged and real collections end to end, the judged gates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench import realtexts
from bench.collection import CollectionError, read_queries
from bench.metrics import headline_titles, ndcg_at, province_errors, recall_at, reciprocal_rank, topic_scores
from bench.peers import Bm25Peer, Fts5Peer, WhooshPeer, bm25_terms, or_expression
from bench.quality import gate_failures, main, measure, measure_real
from search.relevance import Relevance

JUDGED = Path(__file__).resolve().parent.parent / "bench" / "judged"

BULLETINS = {
    "j001": """Cao Bằng: kết quả cải cách hành chính quý I năm 2022
Cập nhật ngày 12/04/2022

Trong quý I/2022, UBND tỉnh Cao Bằng tiếp tục thực hiện cơ chế một cửa liên thông trong giải quyết thủ tục
hành chính tại Trung tâm Phục vụ hành chính công tỉnh. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%; các sở,
ngành rà soát, đơn giản hóa thủ tục hành chính và công khai quy trình tiếp nhận hồ sơ.
""",
    "j002": """Huyện Mộc Châu đẩy mạnh dịch vụ công trực tuyến
Ngày đăng: 20/09/2021

Năm 2021, UBND huyện Mộc Châu, tỉnh Sơn La chỉ đạo các xã nâng cao tỷ lệ hồ sơ nộp qua dịch vụ công trực
tuyến mức độ 4. Huyện tổ chức tập huấn chuyển đổi số cho cán bộ bộ phận một cửa cấp xã và hướng dẫn người
dân thanh toán trực tuyến lệ phí.
""",
    "j003": """Tiền Giang công bố Chỉ số cải cách hành chính năm 2022
Thứ Năm, 16/03/2023

UBND tỉnh Tiền Giang vừa công bố Chỉ số cải cách hành chính (PAR INDEX) năm 2022 của các sở, ban, ngành
và UBND cấp huyện. Chỉ số hài lòng của người dân (SIPAS) đạt 84,5%. Các đơn vị xếp hạng thấp phải xây
dựng kế hoạch khắc phục trong năm 2023.
""",
    "j004": """Cao Bằng đào tạo, bồi dưỡng cán bộ, công chức năm 2021
Ngày 05/11/2021

Năm 2021, tỉnh Cao Bằng tổ chức 35 lớp đào tạo, bồi dưỡng cán bộ, công chức, viên chức với hơn 2.000 lượt
học viên. Nội dung bồi dưỡng gồm kỹ năng giải quyết thủ tục hành chính, đạo đức công vụ và vị trí việc
làm. Công tác cải cách hành chính gắn với kỷ luật, kỷ cương hành chính được đẩy mạnh.
""",
    "j005": """Nghệ An rà soát việc thực hiện Nghị định 61/2018/NĐ-CP năm 2020
Ngày 14/07/2020

Đoàn kiểm tra của UBND tỉnh Nghệ An làm việc với các huyện về việc thực hiện Nghị định số 61/2018/NĐ-CP
của Chính phủ về cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính. Một số bộ phận
tiếp nhận và trả kết quả còn để hồ sơ trễ hạn.
""",
    "j006": """Quảng Ninh sắp xếp tổ chức bộ máy tinh gọn năm 2023
Ngày 02/02/2023

Tỉnh Quảng Ninh hoàn thành sắp xếp tổ chức bộ máy các cơ quan chuyên môn, giảm 12 phòng chuyên môn và
thực hiện tinh giản biên chế theo kế hoạch. Việc sắp xếp bảo đảm tinh gọn, hoạt động hiệu lực, hiệu quả.
""",
    "j007": """Giải bóng đá thiếu niên hè 2022 khai mạc
Ngày 01/06/2022

Sáng nay, giải bóng đá thiếu niên hè năm 2022 khai mạc tại sân vận động trung tâm với 16 đội tham dự.
""",
    "j008": """Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023
Ngày 16/04/2024

Bộ Nội vụ vừa công bố Chỉ số cải cách hành chính năm 2023 của các bộ, cơ quan ngang bộ và 63 tỉnh, thành phố.
Quảng Ninh tiếp tục dẫn đầu bảng xếp hạng cấp tỉnh, tiếp theo là Hải Phòng và Bắc Ninh. Chỉ số hài lòng về
sự phục vụ hành chính (SIPAS) cả nước đạt 80,08%.
""",
}

LABELS = [
    {"id": "j001", "title": "Cao Bằng: kết quả cải cách hành chính quý I năm 2022", "province": "Cao Bằng",
     "province_2025": "Cao Bằng", "district": None, "year": 2022, "quarter": "Q1", "published": "2022-04-12",
     "topics": ["thu_tuc"]},
    {"id": "j002", "title": "Huyện Mộc Châu đẩy mạnh dịch vụ công trực tuyến", "province": "Sơn La",
     "province_2025": "Sơn La", "district": "Mộc Châu", "year": 2021, "quarter": None, "published": "2021-09-20",
     "topics": ["chinh_quyen_so"]},
    {"id": "j003", "title": "Tiền Giang công bố Chỉ số cải cách hành chính năm 2022", "province": "Tiền Giang",
     "province_2025": "Đồng Tháp", "district": None, "year": 2022, "quarter": "FY", "published": "2023-03-16",
     "topics": ["chi_so"]},
    {"id": "j004", "title": "Cao Bằng đào tạo, bồi dưỡng cán bộ, công chức năm 2021", "province": "Cao Bằng",
     "province_2025": "Cao Bằng", "district": None, "year": 2021, "quarter": None, "published": "2021-11-05",
     "topics": ["cong_vu"]},
    {"id": "j005", "title": "Nghệ An rà soát việc thực hiện Nghị định 61/2018/NĐ-CP năm 2020", "province": "Nghệ An",
     "province_2025": "Nghệ An", "district": None, "year": 2020, "quarter": None, "published": "2020-07-14",
     "topics": ["thu_tuc", "kiem_tra"]},
    {"id": "j006", "title": "Quảng Ninh sắp xếp tổ chức bộ máy tinh gọn năm 2023", "province": "Quảng Ninh",
     "province_2025": "Quảng Ninh", "district": None, "year": 2023, "quarter": None, "published": "2023-02-02",
     "topics": ["bo_may"]},
    {"id": "j007", "title": "Giải bóng đá thiếu niên hè 2022 khai mạc", "province": None, "province_2025": None,
     "district": None, "year": 2022, "quarter": None, "published": "2022-06-01", "topics": []},
    {"id": "j008", "title": "Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023", "province": None,
     "province_2025": None, "district": None, "year": 2023, "quarter": "FY", "published": "2024-04-16",
     "topics": ["chi_so"]},
]

QUERIES = [
    {"id": "q1", "query": "bồi dưỡng cán bộ công chức", "kind": "natural", "filters": {}, "relevant": {"j004": 2}},
    {"id": "q2", "query": "dich vu cong truc tuyen", "kind": "unaccented", "filters": {}, "relevant": {"j002": 2}},
    {"id": "q3", "query": "cải cách hành chính", "kind": "facet", "filters": {"province": ["cao bang"]},
     "relevant": {"j001": 2, "j004": 1}},
    {"id": "q4", "query": '"một cửa liên thông"', "kind": "phrase", "filters": {},
     "relevant": {"j001": 2, "j005": 2, "j002": 1}},
    {"id": "q5", "query": "61/2018/nd-cp", "kind": "docnum", "filters": {}, "relevant": {"j005": 2}},
]


STRICT = ("--set", "widen_below=0")  # no answer widened: a quoted phrase finds only the bulletins holding it


def write_collection(root: Path) -> Path:
    """The mini judged collection above, in the layout of bench/judged/README.md."""
    (root / "corpus").mkdir(parents=True)
    for doc_id, text in BULLETINS.items():
        (root / "corpus" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    rows = [{"file": f"{label['id']}.txt", "url": None, "notes": "", **label} for label in LABELS]
    (root / "labels.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    (root / "queries.jsonl").write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUERIES), "utf-8")
    return root


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Path:
    return write_collection(tmp_path_factory.mktemp("judged"))


@pytest.fixture(scope="module")
def figures(mini) -> dict:
    return measure(mini)


def test_measures_of_one_ranking():
    relevant = {"a": 2, "b": 1, "c": 1}
    assert recall_at(["x", "a", "y", "c"], relevant) == 0.6667
    assert recall_at([f"d{i}" for i in range(10)], {f"d{i}": 1 for i in range(12)}) == 1.0  # at most 10 asked
    assert reciprocal_rank(["x", "y", "b"], relevant) == 0.3333
    assert reciprocal_rank(["x"] * 10 + ["a"], relevant) == 0.0  # only the top 10 counts
    assert ndcg_at(["a", "b", "c"], relevant) == 1.0
    assert ndcg_at(["b", "a"], {"a": 2, "b": 1}) == round((1 + 2 / 1.5849625) / (2 + 1 / 1.5849625), 4)


def test_metadata_measures():
    assert province_errors([("j1", {"province": "Sơn La"}, {"province": "Cao Bằng"}),
                            ("j2", {"province": None}, {"province": "Cao Bằng"}),
                            ("j3", {"province": "Sơn La"}, {"province": None}),
                            ("j4", {"province": None}, {"province": None})]) == {"wrong": ["j1", "j3"],
                                                                                 "missed": ["j2"]}
    assert topic_scores([({"topics": ["thu_tuc", "cong_vu"]}, {"topics": ["thu_tuc"]}),
                         ({"topics": []}, {"topics": ["chi_so"]})]) == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    # a page labelled without a headline is left out; whitespace and NFD do not count against a title
    assert headline_titles([({"title": "Hội nghị  tổng kết"}, {"title": "Hội nghị tổng kết"}),
                            ({"title": "Ho\u0302\u0323i thi"}, {"title": "Hội thi"}),
                            ({"title": "Xem cỡ chữ"}, {"title": "Kế hoạch CCHC"}),
                            ({"title": "Ngày 5/3, huyện tổ chức"}, {"title": None})]) == {
        "right": 2, "of": 3, "accuracy": 0.6667}


def test_fts5_expression_ors_word_tokens_and_keeps_phrases():
    assert or_expression('kết quả "một cửa" 61/2018/nđ-cp') == (
        '"kết" OR "quả" OR "một cửa" OR "61" OR "2018" OR "nđ" OR "cp"')
    assert or_expression('"  " ?') is None


PEER_DOCS = [
    {"id": "a", "title": "Một cửa ở Cao Bằng", "content": "thủ tục một cửa", "province": "Cao Bằng",
     "province_2025": "Cao Bằng", "year": "2021", "quarter": "Q1", "topics": ["thu_tuc"]},
    {"id": "b", "title": "Một cửa ở Tiền Giang", "content": "một cửa và chỉ số", "province": "Tiền Giang",
     "province_2025": "Đồng Tháp", "year": "2022", "quarter": None, "topics": ["thu_tuc", "chi_so"]},
    {"id": "c", "title": "Bóng đá", "content": "giải bóng đá", "province": None, "province_2025": None,
     "year": None, "quarter": None, "topics": []},
]


@pytest.mark.parametrize("peer", [Bm25Peer, Fts5Peer, WhooshPeer])
def test_peers_filter_on_the_facet_values(peer):
    engine = peer(PEER_DOCS)
    assert sorted(engine.search("một cửa", {})) == ["a", "b"]
    assert engine.search("một cửa", {"topic": ["chi_so"]}) == ["b"]
    assert engine.search("một cửa", {"province_2025": ["Đồng Tháp", "Cao Bằng"], "year": ["2021"]}) == ["a"]
    assert engine.search("một cửa", {"quarter": ["Q2"]}) == []
    assert engine.search('"bóng đá"', {}) == ["c"]


def test_a_query_without_relevant_bulletins_is_refused(tmp_path):
    (tmp_path / "queries.jsonl").write_text('{"id": "q1", "query": "x", "kind": "natural", "relevant": {}}\n')
    with pytest.raises(CollectionError, match="q1: no bulletin is judged relevant"):
        read_queries(tmp_path)


def test_relevance_on_the_mini_collection(mini, figures):
    assert (figures["collection"], figures["bulletins"], figures["queries"], figures["skipped"]) == (
        str(mini), 8, 5, [])
    perfect = {"queries": 1, "recall@10": 1.0, "mrr": 1.0, "ndcg@10": 1.0}
    missed_grade_1 = {"queries": 1, "recall@10": 0.6667, "mrr": 1.0, "ndcg@10": 0.8671}
    # FTS5 keeps a phrase strict and misses j002, whose "một cửa" and "liên thông" stand apart; ours follows the two
    # bulletins holding the phrase with it (fewer than a page hold the phrase: its words without quotes follow)
    assert figures["relevance"]["fts5"] == {
        "natural": perfect, "unaccented": perfect, "facet": perfect, "phrase": missed_grade_1, "docnum": perfect,
        "all": {"queries": 5, "recall@10": 0.9333, "mrr": 1.0, "ndcg@10": 0.9734}}
    assert figures["relevance"]["ours"] == {kind: perfect for kind in ("natural", "unaccented", "facet", "phrase",
                                                                       "docnum")} | {"all": {**perfect, "queries": 5}}
    # stock Whoosh does not fold diacritics: the unaccented query finds nothing
    assert figures["relevance"]["whoosh"]["unaccented"] == {"queries": 1, "recall@10": 0.0, "mrr": 0.0,
                                                            "ndcg@10": 0.0}
    # best match: bulletins with every word first, then those with enough of them (j002's "cán bộ")
    assert {row["id"]: row["engines"]["ours"]["ranked"] for row in figures["per_query"]} == {
        "q1": ["j004", "j002"], "q2": ["j002"], "q3": ["j001", "j004"],
        "q4": ["j005", "j001", "j002"], "q5": ["j005"]}
    # the peers OR the words, so any bulletin with one of them follows (FTS5 folds diacritics, Whoosh does not)
    assert [row["engines"]["fts5"]["ranked"] for row in figures["per_query"][:2]] == [
        ["j004", "j002", "j006", "j008", "j003", "j001", "j005"], ["j002", "j008", "j004", "j001", "j003"]]
    assert [row["engines"]["whoosh"]["ranked"] for row in figures["per_query"][:2]] == [
        ["j004", "j002", "j006", "j008", "j003", "j001", "j005"], []]


def test_metadata_on_the_mini_collection(figures):
    # Every field right; one labelled topic of the eight is not extracted, and one is extra (short
    # bulletins need fewer pieces of evidence).
    assert figures["metadata"] == {
        "bulletins": 8,
        "accuracy": {"title": 1.0, "province": 1.0, "province_2025": 1.0, "district": 1.0, "year": 1.0,
                     "quarter": 1.0, "published": 1.0},
        "headline_titles": {"right": 8, "of": 8, "accuracy": 1.0},
        "wrong_provinces": 0, "wrong_province_ids": [], "missed_provinces": 0, "missed_province_ids": [],
        "topics": {"precision": 0.875, "recall": 0.875, "f1": 0.875},
        "not_indexed": [],
    }


def test_bm25_peer_scores_pyvi_words_and_folded_syllables():
    assert bm25_terms("Cải cách hành chính") == {"words": ["cải_cách", "hành_chính"],
                                                  "folded": ["cai", "cach", "hanh", "chinh"]}
    engine = Bm25Peer(PEER_DOCS)
    assert engine.search("mot cua", {}) == ["a", "b"]  # folded syllables match; the shorter bulletin first
    assert engine.search("chỉ số", {}, limit=1) == ["b"]


def test_command_writes_the_report_and_the_json(mini, tmp_path, capsys):
    report, dump = tmp_path / "QUALITY.md", tmp_path / "quality.json"
    # phrases kept strict (nothing widens an answer), so that q4 misses j002 and the report lists a miss
    assert main(["--collection", str(mini), "--judged-only", "--markdown", str(report), "--json", str(dump),
                 "--jobs", "1", *STRICT]) == 0
    text = report.read_text(encoding="utf-8")
    row = "| all | 5 | 0.933 | 1.000 | 0.933 | 0.733 | 1.000 | 1.000 | 1.000 | 0.800 | 0.973 | 1.000 | 0.973 | 0.773 |"
    assert row in text
    assert "| quarter | 1.000 |" in text
    assert text.endswith("### Queries where our top 10 misses relevant bulletins\n\n"
                         "Bulletin ids with their grade, to guide tuning.\n\n"
                         "- q4 (phrase): missed j002 (1); found j005, j001\n")
    data = json.loads(dump.read_text(encoding="utf-8"))
    assert sorted(data) == ["collections", "date", "seconds"]
    assert sorted(data["collections"][0]) == ["bulletins", "collection", "metadata", "per_query", "queries",
                                              "relevance", "skipped"]
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"== {mini}: 8 bulletins, 5 queries"
    assert out[1].split() == [
        "kind", "queries", "recall@10", "ours", "recall@10", "BM25", "recall@10", "FTS5", "recall@10", "Whoosh",
        "mrr", "ours", "mrr", "BM25", "mrr", "FTS5", "mrr", "Whoosh",
        "ndcg@10", "ours", "ndcg@10", "BM25", "ndcg@10", "FTS5", "ndcg@10", "Whoosh"]


def test_a_ranking_setting_changes_the_run_and_a_bad_one_is_named(mini, tmp_path, capsys):
    report = tmp_path / "Q.md"
    assert main(["--collection", str(mini), "--judged-only", "--markdown", str(report), "--set", "speed=2"]) == 1
    assert "unknown ranking setting 'speed'" in capsys.readouterr().err
    assert main(["--collection", str(mini), "--judged-only", "--markdown", str(report), "--set", "min_share=1"]) == 0
    # every word now required: q1's partial match (j002 lacks "bồi dưỡng") is gone
    assert "- q1 (natural)" not in report.read_text(encoding="utf-8")


def write_real(root: Path, present: list[str]) -> Path:
    """A mini real collection: every mini bulletin under an address, texts only for ``present``."""
    urls = {doc: f"https://example.gov.vn/tin/{doc}" for doc in BULLETINS}
    ids = {doc: realtexts.bulletin_id(url) for doc, url in urls.items()}
    (root / "texts").mkdir(parents=True)
    sources = [{"id": ids[doc], "source_url": url, "queries": [f"query for {doc}"], "kind": "portal",
                "collector": "t"} for doc, url in urls.items()]
    labels = [{**label, "id": ids[label["id"]], "file": f"{ids[label['id']]}.txt", "source_url": urls[label["id"]]}
              for label in LABELS]
    queries = [{**query, "relevant": {ids[doc]: grade for doc, grade in query["relevant"].items()}}
               for query in QUERIES]
    for name, rows in (("sources", sources), ("labels", labels), ("queries", queries)):
        (root / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    for doc in present:
        (root / "texts" / f"{ids[doc]}.txt").write_text(BULLETINS[doc], encoding="utf-8")
    return root


def test_the_real_split_is_fixed_by_the_address():
    assert realtexts.split_of("https://example.gov.vn/tin/j001") == realtexts.split_of(
        "https://example.gov.vn/tin/j001")
    splits = [realtexts.split_of(f"https://example.gov.vn/{i}") for i in range(1000)]
    assert 350 < splits.count("test") < 450  # about 40%


def test_a_real_split_is_measured_on_its_present_texts(tmp_path):
    real = write_real(tmp_path / "real", present=[doc for doc in BULLETINS if doc != "j005"])
    figures = {split: measure_real(split, real=real) for split in realtexts.SPLITS}
    urls = {doc: f"https://example.gov.vn/tin/{doc}" for doc in BULLETINS}
    for split, found in figures.items():
        mine = [doc for doc in BULLETINS if realtexts.split_of(urls[doc]) == split]
        assert found["missing_texts"] == int("j005" in mine)
        assert found["bulletins"] == len(mine) - int("j005" in mine)
        assert found["metadata"]["bulletins"] == found["bulletins"]


def test_verify_names_a_text_that_lacks_its_title_or_a_figure_sentence(tmp_path):
    real = write_real(tmp_path / "real", present=list(BULLETINS))
    assert realtexts.verify(real) == []  # spaces squeezed, NFC: the texts as labelled
    doc = realtexts.bulletin_id("https://example.gov.vn/tin/j001")
    title = next(label["title"] for label in LABELS if label["id"] == "j001")
    sentence = "một câu có số liệu 98,5% không có trong văn bản"
    (real / "figures.jsonl").write_text(json.dumps({"id": doc, "figures": [{"sentence": sentence}]}) + "\n", "utf-8")
    text = realtexts.text_path(doc, real)
    text.write_text(text.read_text(encoding="utf-8").replace(title, "Tiêu đề khác"), encoding="utf-8")
    assert realtexts.verify(real) == [(doc, f"title not found: {title!r}"),
                                      (doc, f"figure sentence not found: {sentence!r}")]


def with_queries(real: Path, queries: dict[str, list[str]]) -> dict[str, dict]:
    """Give the mini bulletins these queries (doc -> queries); returns doc -> its line of sources.jsonl."""
    sources = {doc: {"id": realtexts.bulletin_id(f"https://example.gov.vn/tin/{doc}"),
                     "source_url": f"https://example.gov.vn/tin/{doc}", "queries": queries[doc], "kind": "portal",
                     "collector": "t"} for doc in BULLETINS}
    (real / "sources.jsonl").write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sources.values()),
                                        "utf-8")
    return sources


def test_parts_keep_a_bulletins_queries_together_and_put_test_first(tmp_path):
    real = write_real(tmp_path / "real", present=["j003"])
    sources = with_queries(real, {"j001": ["qa", "qb"], "j002": ["qc"], "j003": ["qh"], "j004": ["qb"],
                                  "j005": ["qd"], "j006": ["qe"], "j007": ["qf"], "j008": ["qg"]})
    assert [realtexts.split_of(sources[doc]["source_url"]) for doc in ("j001", "j002", "j004", "j005", "j008")] == [
        "test", "test", "dev", "test", "test"]  # j003 (present), j006 and j007 are dev

    def take(doc, k):
        return {"id": sources[doc]["id"], "url": sources[doc]["source_url"], "k": k}

    assert realtexts.plan_parts(real, size=3) == [
        [{"query": "qa", "take": [take("j001", 0)]}, {"query": "qb", "take": [take("j001", 1), take("j004", 0)]},
         {"query": "qc", "take": [take("j002", 0)]}],
        [{"query": "qd", "take": [take("j005", 0)]}, {"query": "qg", "take": [take("j008", 0)]},
         {"query": "qe", "take": [take("j006", 0)]}],
        [{"query": "qf", "take": [take("j007", 0)]}]]


def test_assemble_writes_each_complete_text_and_names_the_rest(tmp_path):
    real = write_real(tmp_path / "real", present=["j003"])
    queries = {doc: [f"q-{doc}"] for doc in BULLETINS}
    sources = with_queries(real, {**queries, "j001": ["qa", "qb", "qc"]})
    ids = {doc: source["id"] for doc, source in sources.items()}
    headline = "Cao Bằng: kết quả cải cách hành chính  quý I năm 2022\nNội dung."  # the labelled title, spaced
    answers = tmp_path / "answers"
    answers.mkdir()
    lines = [{"id": ids["j001"], "k": 0, "excerpt": headline},
             {"id": ids["j001"], "k": 0, "excerpt": "Trang chủ | Tin tức"},  # the address twice in one answer
             {"id": ids["j001"], "k": 1, "excerpt": headline},  # already taken: not repeated
             {"id": ids["j001"], "k": 2, "excerpt": "Đoạn hai."},
             {"id": ids["j004"], "k": 0, "excerpt": "Cao Bằng đào tạo"},
             {"id": ids["j002"], "k": 0, "missing": True}]
    (answers / "part00.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
                                          + "{not json\n", "utf-8")
    before = realtexts.text_path(ids["j003"], real).read_text(encoding="utf-8")
    done = realtexts.assemble(answers, real)
    assert done == {"written": [ids["j001"], ids["j004"]],
                    "incomplete": [ids[doc] for doc in ("j002", "j005", "j006", "j007", "j008")],
                    "reported_missing": [(ids["j002"], 0)], "unreadable": ["part00.jsonl:7"]}
    assert realtexts.text_path(ids["j001"], real).read_text(encoding="utf-8") == headline + "\n\nĐoạn hai."
    assert realtexts.text_path(ids["j004"], real).read_text(encoding="utf-8") == "Cao Bằng đào tạo"
    assert realtexts.text_path(ids["j003"], real).read_text(encoding="utf-8") == before  # present: untouched


def test_assemble_keeps_the_excerpt_holding_most_of_what_the_labellers_read(tmp_path):
    real = write_real(tmp_path / "real", present=[])
    sources = with_queries(real, {doc: [f"q-{doc}"] for doc in BULLETINS})
    ids = {doc: source["id"] for doc, source in sources.items()}
    title = next(label["title"] for label in LABELS if label["id"] == "j004")
    sentence = "Năm 2021, tỉnh mở 12 lớp bồi dưỡng"
    (real / "figures.jsonl").write_text(json.dumps({"id": ids["j004"], "figures": [{"sentence": sentence}]},
                                                   ensure_ascii=False) + "\n", "utf-8")
    both = f"{title}\n{sentence} cho 600 người."
    answers = tmp_path / "answers"
    answers.mkdir()
    lines = [{"id": ids["j004"], "k": 0, "excerpt": f"{title}\nTin liên quan"},  # the headline alone
             {"id": ids["j004"], "k": 0, "excerpt": both},  # the headline and the figure's sentence
             {"id": ids["j005"], "k": 0, "excerpt": "Trang một"},  # neither holds a labelled string: the last
             {"id": ids["j005"], "k": 0, "excerpt": "Trang hai"}]
    (answers / "part00.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                                          "utf-8")
    assert realtexts.assemble(answers, real)["written"] == [ids["j004"], ids["j005"]]
    assert realtexts.text_path(ids["j004"], real).read_text(encoding="utf-8") == both
    assert realtexts.text_path(ids["j005"], real).read_text(encoding="utf-8") == "Trang hai"


def test_realtexts_commands_name_their_usage(capsys):
    for argv in (["parts"], ["assemble"], ["check", "x"], ["collect"]):
        assert realtexts.main(argv) == 2
    assert capsys.readouterr().err.count("usage: python -m bench.realtexts") == 4


def test_missing_real_texts_are_named_not_fatal(tmp_path, capsys):
    real = write_real(tmp_path / "real", present=[])
    assert main(["--real", "--real-collection", str(real), "--markdown", str(tmp_path / "Q.md")]) == 0
    out = capsys.readouterr().out
    assert "real dev: no text here" in out and "real test: no text here" in out


def test_command_names_a_missing_collection_file(tmp_path, capsys):
    assert main(["--collection", str(tmp_path), "--markdown", str(tmp_path / "Q.md")]) == 1
    assert capsys.readouterr().err == f"Error: [Errno 2] No such file or directory: '{tmp_path}/queries.jsonl'\n"
    assert not (tmp_path / "Q.md").exists()


def test_the_gates_name_every_shortfall():
    ranking = {"queries": 1, "recall@10": 0.9, "mrr": 1.0, "ndcg@10": 0.9}
    figures = {"relevance": {"ours": {"natural": ranking}, "fts5": {"natural": ranking},
                             "bm25": {"natural": {**ranking, "ndcg@10": 0.95}}},
               "metadata": {"accuracy": {"title": 0.9}, "wrong_provinces": 2,
                            "topics": {"precision": 0.8, "recall": 0.8}}}
    recorded = {"relevance": {"natural": {"recall@10": 0.93, "mrr": 1.0, "ndcg@10": 0.91}},
                "metadata": {"title": 0.95, "wrong_provinces": 1, "topics_precision": 0.81, "topics_recall": 0.8}}
    assert gate_failures(figures, recorded) == [
        "natural ndcg@10: ours 0.9 < bm25 0.95",
        "natural recall@10: 0.9 more than 0.02 below the recorded 0.93",
        "metadata title: 0.9 against the recorded 0.95",
        "metadata wrong_provinces: 2 against the recorded 1"]


def test_record_writes_what_the_gate_reads(mini, tmp_path):
    collection = tmp_path / "judged"
    shutil.copytree(mini, collection)
    assert main(["--collection", str(collection), "--judged-only", "--record", "--markdown",
                 str(tmp_path / "Q.md"), *STRICT]) == 0
    recorded = json.loads((collection / "recorded.json").read_text(encoding="utf-8"))
    assert recorded["relevance"]["all"] == {"recall@10": 0.9333, "mrr": 1.0, "ndcg@10": 0.9734}
    assert recorded["metadata"]["wrong_provinces"] == 0
    # nothing below the record; the BM25 peer ignores the quotes of q4 and so finds its grade-1 bulletin
    assert gate_failures(measure(collection, relevance=Relevance(widen_below=0)), recorded) == [
        "phrase ndcg@10: ours 0.8671 < bm25 1.0", "all ndcg@10: ours 0.9734 < bm25 1.0"]


def test_a_run_that_fails_the_gates_says_which_and_exits_2(mini, tmp_path, capsys):
    collection = tmp_path / "judged"
    shutil.copytree(mini, collection)
    assert main(["--collection", str(collection), "--judged-only", "--record", "--markdown",
                 str(tmp_path / "Q.md"), *STRICT]) == 0
    capsys.readouterr()
    assert main(["--collection", str(collection), "--judged-only", "--markdown", str(tmp_path / "Q.md"),
                 *STRICT]) == 2
    printed = capsys.readouterr().out
    assert printed[printed.index("gates:"):].splitlines() == [
        "gates: 2 failed", "  phrase ndcg@10: ours 0.8671 < bm25 1.0", "  all ndcg@10: ours 0.9734 < bm25 1.0"]


@pytest.mark.slow  # indexes the 120 judged bulletins (5 s); `python -m bench.quality` checks the same gates
def test_judged_collection_gates():
    """Ours ahead of FTS5 and the BM25 peer on every kind, and nothing more than 0.02 below the record."""
    recorded = json.loads((JUDGED / "recorded.json").read_text(encoding="utf-8"))
    assert gate_failures(measure(JUDGED), recorded) == []
