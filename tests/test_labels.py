"""Display labels: every topic and reporting period has one in Vietnamese and in English."""


from search.labels import quarter_label, topic_label
from search.vocabulary import QUARTERS, topic_ids


def test_every_topic_and_period_has_a_label_in_both_languages():
    assert [quarter_label(code) for code in QUARTERS] == [
        "Quý I", "Quý II", "Quý III", "Quý IV", "6 tháng đầu năm", "6 tháng cuối năm", "9 tháng", "Cả năm"]
    assert [quarter_label(code, "en") for code in QUARTERS] == [
        "Q1", "Q2", "Q3", "Q4", "First half", "Second half", "Nine months", "Full year"]
    for topic in topic_ids():
        assert topic_label(topic) != topic_label(topic, "en") != topic, topic
