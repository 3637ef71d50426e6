"""Vietnamese syllables and the plausibility score that picks a reading of legacy bytes."""

import pytest

from indexer.syllables import is_syllable, vietnamese_score


@pytest.mark.parametrize("word, expected", [
    ("a", True), ("ơi", True), ("Nghiêng", True), ("khuyến", True), ("quốc", True), ("quản", True),
    ("giữa", True), ("gì", True), ("khuỷu", True), ("ĐƯỜNG", True), ("hoá", True), ("hóa", True),
    ("chÝnh", False), ("c¸ch", False), ("hµnh", False), ("haønh", False), ("Caûi", False),
    ("ñi", False),  # VNI "đi" read as Latin-1: the tilde of ñ sits on a consonant
    ("chyn", False), ("aá", False), ("report", False), ("the", True),
])
def test_is_syllable(word, expected):
    assert is_syllable(word) is expected


def test_only_words_with_non_ascii_letters_count():
    assert [vietnamese_score(t) for t in ("UBND tỉnh báo cáo", "Report of the year 2021", "©", "Cải ½ cách")] \
        == [1.0, 1.0, 1.0, 1.0]
    assert vietnamese_score("c¸c v¨n b¶n ®· ban hµnh") == 0.0
    assert vietnamese_score("Caùc vaên baûn ñaõ ban haønh") == 0.0
    assert vietnamese_score("các văn bản café résumé") == 0.6


def test_the_sample_limits_the_words_scored():
    assert vietnamese_score("c¸ch " * 3 + "cách " * 10, sample=3) == 0.0
