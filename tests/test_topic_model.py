"""The topic classifier: its scoring equals scikit-learn's, it settles the rules' topics by its two thresholds, and
the shipped model file is whole; training without the texts says so."""

import json

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bench.realtexts import bulletin_id, split_of
from bench.topic_model import MIN_DF, C, _listed, fit, main
from indexer.topic_model import TopicModel, features, model_text, refine, settle, topic_model
from search.vocabulary import topics

ONLINE = ["Tỷ lệ hồ sơ trực tuyến toàn trình của huyện đạt {n}%, dịch vụ công trực tuyến được cung cấp trên Cổng "
          "dịch vụ công quốc gia.", "UBND xã đẩy mạnh chuyển đổi số, thanh toán trực tuyến phí, lệ phí đạt {n}%.",
          "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh kết nối Cổng dịch vụ công, {n} hồ sơ trực tuyến."]
DESK = ["Bộ phận một cửa tiếp nhận {n} hồ sơ, giải quyết đúng hạn {n} hồ sơ, không có hồ sơ trễ hạn.",
        "Trung tâm Phục vụ hành chính công tỉnh tiếp nhận {n} hồ sơ thủ tục hành chính trong quý.",
        "Công tác kiểm soát thủ tục hành chính: công bố {n} thủ tục, niêm yết công khai tại bộ phận một cửa."]


def corpus():
    """Forty short bulletins in the style of district reports, half on online services, half at the desk."""
    texts, wanted = [], []
    for n in range(20):
        for lines, topic in ((ONLINE, "chinh_quyen_so"), (DESK, "thu_tuc")):
            texts.append((f"Kết quả cải cách hành chính tháng {n % 12 + 1}", " ".join(
                line.format(n=40 + n) for line in lines[n % 3:] + lines[:n % 3])))
            wanted.append({topic})
    return texts, wanted


def test_a_bulletins_features_are_its_words_and_word_pairs_counted():
    assert features("hồ sơ, hồ sơ trực tuyến") == {"hồ": 2, "sơ": 2, "trực": 1, "tuyến": 1, "hồ sơ": 2, "sơ hồ": 1,
                                                   "sơ trực": 1, "trực tuyến": 1}
    assert model_text("Hoá đơn", "Uỷ ban ", title_times=2) == "hóa đơn . hóa đơn . ủy ban "
    assert model_text("A", "x" * 30, body_chars=10) == "a . a . " + "x" * 10


def test_probabilities_are_scikit_learns():
    texts, wanted = corpus()
    keys = [model_text(title, body) for title, body in texts]
    model = TopicModel(fit(keys, wanted, ["thu_tuc", "chinh_quyen_so"]))
    vectorizer = TfidfVectorizer(analyzer=_listed, min_df=MIN_DF, sublinear_tf=True)
    matrix = vectorizer.fit_transform(keys)
    probe = [("Tin cải cách hành chính", "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 95%, thanh toán trực tuyến qua Cổng "
              "dịch vụ công."),
             ("", "Không có từ nào trong mô hình.")]
    for topic in ("thu_tuc", "chinh_quyen_so"):
        reference = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
        reference.fit(matrix, np.array([topic in want for want in wanted]))
        expected = reference.predict_proba(vectorizer.transform([model_text(*p) for p in probe]))[:, 1]
        got = [model.probabilities(*p)[topic] for p in probe]
        assert got == pytest.approx(expected.tolist(), abs=1e-5)  # the file keeps six decimals
    online = model.probabilities(*probe[0])
    assert online["chinh_quyen_so"] > 0.5 > online["thu_tuc"]


def small_model(intercept: float) -> TopicModel:
    """One modelled topic, digital government, whose one weighed feature is the pair "trực tuyến"."""
    return TopicModel({"topics": ["chinh_quyen_so"], "intercepts": [intercept], "drop_below": 0.1, "add_above": 0.7,
                       "title_times": 2, "body_chars": 20_000,
                       "features": [["trực", 1.0, [0.0]], ["trực tuyến", 1.0, [6.0]], ["tuyến", 1.0, [0.0]]]})


def test_the_classifier_drops_under_one_threshold_and_adds_over_the_other():
    low, high = small_model(-4.0), small_model(-1.0)  # p = 0.018 without the pair; 0.92 with it (its features 1/√3)
    assert refine(["thu_tuc", "chinh_quyen_so"], "Tin", "Hồ sơ một cửa.", low) == ["thu_tuc"]
    assert refine(["thu_tuc"], "Tin", "Hồ sơ trực tuyến.", high) == ["thu_tuc", "chinh_quyen_so"]
    assert refine(["kiem_tra", "thu_tuc"], "Tin", "Hồ sơ.", low) == ["thu_tuc", "kiem_tra"]  # not modelled: kept
    between = small_model(-2.0)  # p = 0.119 without the feature: neither dropped nor added
    assert refine(["chinh_quyen_so"], "", "Hồ sơ.", between) == ["chinh_quyen_so"]
    assert refine([], "", "Hồ sơ.", between) == []
    assert settle({"a", "b"}, {"a": 0.05, "c": 0.8}, 0.1, 0.7) == {"b", "c"}


def test_the_shipped_model_is_whole():
    model = topic_model()
    assert set(model.topics) <= {topic.id for topic in topics()} and len(model.topics) >= 3
    assert model.weights.shape == (len(model.idf), len(model.topics)) and len(model.intercepts) == len(model.topics)
    assert len(model.words) + len(model.pairs) == len(model.idf) and (np.diff(model.pairs) > 0).all()
    assert 0 < model.drop_below < 0.5 < model.add_above < 1 and (model.idf >= 1).all()
    chance = model.probabilities("Kết quả giải quyết hồ sơ trực tuyến", "Tỷ lệ hồ sơ trực tuyến đạt 90%.")
    assert set(chance) == set(model.topics) and all(0 < p < 1 for p in chance.values())


def test_training_without_the_dev_texts_says_what_is_missing(tmp_path, capsys):
    real = tmp_path / "real"
    real.mkdir()
    url = "https://example.gov.vn/tin-cai-cach-hanh-chinh"
    (real / "sources.jsonl").write_text(json.dumps({"id": bulletin_id(url), "source_url": url}) + "\n")
    (real / "labels.jsonl").write_text(json.dumps({"id": bulletin_id(url), "topics": ["thu_tuc"]}) + "\n")
    (real / "queries.jsonl").write_text("")
    assert split_of(url) == "dev"
    assert main(["--check", "--real-collection", str(real)]) == 1
    assert capsys.readouterr().err == (f"no dev text of the real collection is present ({real / 'texts'}): "
                                       "bench/real/README.md says how to collect them\n")
