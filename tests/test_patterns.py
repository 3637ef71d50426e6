"""indexer.patterns: a Gated pattern finds what its pattern finds; the vocabulary's gated patterns are gated by
words their matches hold (sentences written for these tests naming every agency, ministry and listed word); AnyOf
matches a line as asking its patterns in turn does (the chrome data file's groups on lines in the portals' style)."""

from __future__ import annotations

import json
import re

import pytest

from indexer import periods, places, topics
from indexer.cleaning import PATTERNS
from indexer.indicators import indicator_data, vocabulary
from indexer.patterns import AnyOf, Gated
from search import docnumbers
from search.textnorm import normalize_key


def _spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


def test_a_gated_pattern_answers_as_its_pattern_where_a_word_stands_and_nothing_elsewhere():
    gated = Gated(r"(?<!\w)(?:tính đến|đến hết)(?!\w)", "tính đến", "đến hết")
    text = "Tính đến nay, tính đến ngày 15/8 và đến hết quý III, tỉnh đã giải quyết 1.439 hồ sơ"
    assert (_spans(gated, text), gated.search(text).span(), gated.sub("-", text)[:40], gated.subn("-", text)[1]) \
        == (_spans(gated.pattern, text), (14, 22), gated.pattern.sub("-", text)[:40], 2)
    assert (_spans(gated, "Đến nay tỉnh đã giải quyết"), gated.search("trong tháng"), gated.sub("-", "quý I"),
            gated.subn("-", "quý I")) == ([], None, "quý I", ("quý I", 0))


def _sentences() -> list[str]:
    data = indicator_data()
    names = [*data["agencies"], *data["ministries"]]
    listed = [normalize_key(w) for key in ("names", "components", "other_indices", "ranked_in_words")
              for w in data[key]]
    return ([f"Theo báo cáo, {name} đã giải quyết 1.439 hồ sơ, đạt 98,5%." for name in names]
            + [f"trong đó {name[:1].lower()}{name[1:]} đạt 85,12 điểm" for name in names]
            + [f"năm 2023, {word} của tỉnh đạt 85,12 điểm, xếp thứ 15/63" for word in listed])


@pytest.mark.parametrize("name", ["agencies", "names", "components", "other_indices", "ranked_in_words"])
def test_the_vocabulary_patterns_are_gated_by_words_every_match_holds(name):
    gated = vocabulary()[name]
    texts = _sentences()
    found = [text for text in texts if gated.pattern.search(text)]
    assert len(found) >= 5  # the sentences name what the pattern finds
    assert [_spans(gated, text) for text in texts] == [_spans(gated.pattern, text) for text in texts]


_LINES = [
    "Xem cỡ chữ", "Đăng nhập", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "In bài | Quay lại",
    "Trang chủ » Tin tức » Cải cách hành chính", "Ảnh: Minh họa (Ảnh: Thu Hà)", "anh-tin-1.jpg", "Bình luận:",
    "Hội nghị triển khai cải cách hành chính năm 2024 Hội nghị triển khai cải cách hành chính năm 2024",
    "Năm 2023, tỉnh đã tiếp nhận 12.345 hồ sơ, giải quyết đúng hạn 12.000 hồ sơ, đạt 99,2%, tăng 2% so với năm 2022.",
    "Tỉnh Cao Bằng", "Thời sự | Chính trị | Kinh tế", "", "a",
]


@pytest.mark.parametrize("group", ["head", "drop", "tail"])
def test_any_of_the_chrome_patterns_matches_a_line_as_asking_each_in_turn(group):
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    joined, each = AnyOf(data[group], re.I), [re.compile(p, re.I) for p in data[group]]
    expected = [any(p.fullmatch(line) for p in each) for line in _LINES]
    assert any(expected)  # the lines hold chrome of each group
    assert [joined.fullmatch(line) for line in _LINES] == expected


_TEXTS = [
    "Năm 2023, tỉnh Đắk Lắk (Đăk Lăk, Đak Pơ) tiếp nhận 12.345 hồ sơ. Tỷ lệ đạt 99%!  Vì sao?\n\nQuý I/2024:\n\n "
    "huyện Đăk Hà, 1/2/2019, 61/2018/NĐ-CP, 2019-2020, năm 2020.5 và 19999",
    "Số: 23/KH-UBND; 61/2018/NĐ-CP, 30c/NQ-CP, 362 /SNV-CCHC, a61/2018/NĐ-CP, 1.61/QĐ-TTg, -5/QĐ-TTg",
    "123456/QĐ-UBND, 12345/QĐ-UBND",
    "a. b", "a.\n\nb", "a\n\n c", "a!  \n b", ".\n", "\n\n", "x. \n\ny", "2021", "Đak", "đăk-2",
]


@pytest.mark.parametrize(("pattern", "plain"), [
    (topics._SENTENCE, r"(?<=[.!?])\s+|\n+"),
    (places._HIGHLAND_K, r"(?<!\w)([đĐ])[aăắ]k(?!\w)"),
    (periods._ANY_YEAR, r"(?<![\d/.-])((?:19[4-9]|20\d)\d)(?!\d|[/.-]\d)"),
    (docnumbers.DOCNUMBER, r"(?<![\w/.,-])(\d{1,5}[a-zA-Z]?)[ \t]?/[ \t]?(?:((?:19|20)\d{2})[ \t]?/[ \t]?)?"
                           rf"({docnumbers._ISSUER_HYPHENATED}|{docnumbers._ISSUER})(?![\w/])"),
])
def test_patterns_opening_on_a_character_find_what_their_look_behind_first_forms_find(pattern, plain):
    plain = re.compile(plain)
    assert [[(m.span(), m.groups()) for m in pattern.finditer(text)] for text in _TEXTS] \
        == [[(m.span(), m.groups()) for m in plain.finditer(text)] for text in _TEXTS]
    assert [pattern.split(text) for text in _TEXTS] == [plain.split(text) for text in _TEXTS]


def test_a_gated_pattern_ignoring_case_looks_for_its_words_in_lower_case():
    gated = Gated(r"(?=(?:cập nhật|đăng ngày)\b)", "Cập nhật", "đăng ngày", flags=re.I)
    assert ([m.start() for m in gated.finditer("Nguyễn An CẬP NHẬT lúc 9:00, Đăng ngày 2/3")], gated.words,
            gated.search("Ngày 2/3/2024")) == ([10, 29], ("cập nhật", "đăng ngày"), None)
