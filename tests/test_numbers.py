"""indexer.numbers: Vietnamese numbers as written, and the units a sentence gives them."""

from __future__ import annotations

import re

import pytest

from indexer.numbers import _NUMBER, _RANK, _RANK_WORD, parse_number, read_numbers


@pytest.mark.parametrize(("written", "value"), [
    ("1.439", 1439.0), ("98,5", 98.5), ("98,5%", 98.5), ("59,72 ngàn", 59720.0), ("2,5 triệu", 2_500_000.0),
    ("1.234.567", 1_234_567.0), ("12", 12.0), ("3 nghìn", 3000.0), ("98.5%", 98.5), ("1.439,5", 1439.5),
    ("1,2 tỷ", 1_200_000_000.0), ("abc", None), ("1..2", None),
])
def test_vietnamese_number_formats(written, value):
    assert parse_number(written) == value


def test_numbers_of_a_sentence_with_their_units():
    key = ("năm 2023, tỉnh tiếp nhận 1.439 hồ sơ, đạt 98,5%, chỉ số par index đạt 85,12 điểm, xếp thứ 15/63; "
           "papi 40,62/80 điểm; mức độ 4 có 120 thủ tục, quá hạn 2;")
    assert [(n.value, n.unit, n.noun, n.decimal) for n in read_numbers(key)] == [
        (1439.0, "count", "hồ sơ", False), (98.5, "%", "", True), (85.12, "score", "", True),
        (15.0, "rank", "", False), (40.62, "score", "", True), (120.0, "count", "thủ tục", False),
        (2.0, None, "", False)]  # the year and the level are no values


def test_a_score_out_of_a_hundred_is_a_score_and_other_fractions_stay_out():
    key = ("chỉ số cchc năm 2023 của tỉnh đạt 88,02/100, xếp thứ 20/63 tỉnh; khối huyện đạt 91/100 điểm; "
           "đạt 40,62/80 điểm; 18/20 sở đạt; điểm đánh giá tác động: 31,59/ 38,5 điểm tối đa")
    assert [(n.value, n.unit) for n in read_numbers(key)] == [(88.02, "score"), (20.0, "rank"), (91.0, "score"),
                                                             (40.62, "score")]  # never the "/ 38,5" a space apart


def test_a_number_in_a_hyphenated_name_is_no_value():
    key = "tổng số hồ sơ tiếp nhận giảm do dịch covid-19, bộ phận tiếp nhận 1.200 hồ sơ"
    assert [(n.value, n.unit) for n in read_numbers(key)] == [(1200.0, "count")]


def test_a_score_or_share_with_a_decimal_point_is_no_thousands():
    key = ("sở tư pháp có tổng số điểm 92.83 điểm, chỉ số đạt 91.651%; tỉnh đạt 45.366 điểm; kết nối 12.500 điểm "
           "cầu; tiếp nhận 14.292 hồ sơ")
    assert [n.value for n in read_numbers(key)] == [92.83, 91.651, 45.366, 12500.0, 14292.0]


def test_a_rank_written_xep_hang_thu():
    key = "chỉ số cải cách hành chính năm 2023 xếp hạng thứ 43/63 tỉnh, thành phố"
    assert [(n.value, n.unit) for n in read_numbers(key)] == [(43.0, "rank")]


def test_a_rank_written_as_a_place_out_of_the_whole_after_xep_or_dung():
    key = "chỉ số papi đạt 36,12 điểm (xếp 48/63 tỉnh, thành phố); sở nội vụ đứng 3/20 sở, ngành; xếp 2 tổ"
    assert [(n.value, n.unit) for n in read_numbers(key)] == [(36.12, "score"), (48.0, "rank"), (3.0, "rank"),
                                                             (2.0, None)]


def test_a_rank_written_with_vi_tri_after_voi():
    key = "bạc liêu đứng hạng 59, sóc trăng áp chót với vị trí 62 và cuối bảng là an giang với vị trí 63"
    assert [(n.value, n.unit) for n in read_numbers(key)] == [(59.0, "rank"), (62.0, "rank"), (63.0, "rank")]


def test_a_list_item_opening_on_its_place():
    key = ("tỉnh quảng ninh dẫn đầu đạt 90,61%; đứng thứ 2 tỉnh thái nguyên đạt 90,29%; thứ 3 tỉnh hải dương đạt "
           "90,23%; thứ 4 là sở tư pháp; có thứ 5 điểm")
    assert [(n.value, n.unit) for n in read_numbers(key)] == [
        (90.61, "%"), (2.0, "rank"), (90.29, "%"), (3.0, "rank"), (90.23, "%"), (4.0, "rank")]


def test_a_decimal_after_the_words_of_a_score_is_a_score():
    sentence = ("khối các huyện, thành phố yên bái dẫn đầu với tổng điểm 92,9; thanh tra tỉnh có số điểm tổng hợp là "
                "84,36 và tổng điểm 5 hồ sơ")
    assert [(n.value, n.unit) for n in read_numbers(sentence)] == [(92.9, "score"), (84.36, "score"), (5.0, "count")]


def test_an_item_s_place_after_its_unit_s_name_is_a_rank_but_a_count_of_times_is_not():
    key = "quận ngô quyền thứ 2 đạt 85,84 điểm; quận hải an thứ 3 đạt 85,17 điểm; lần thứ 3 đạt danh hiệu"
    assert [(n.value, n.unit) for n in read_numbers(key)] == [(2.0, "rank"), (85.84, "score"), (3.0, "rank"),
                                                             (85.17, "score")]


# the patterns as first written, opening on their look-behinds: the faster forms must find the same spans
_PLAIN_NUMBER = re.compile(
    r"(?<![\w.,/])(?<!/\s)(?<![^\W\d_]-)(?P<n>(?P<dot>\d{2}\.\d{1,3})(?=\s*(?:%|điểm(?!\s*cầu)))"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}\.\d{1,2}(?=\s*%)|\d+(?:,\d+)?)"
    r"(?!\w|[.,]\d|/(?!\d{2,3}\s*điểm|100(?!\d)))(?:/(?!100(?!\d))\d{2,3})?"
    r"(?:\s*(?P<mult>ngàn|nghìn|triệu|tỷ)(?!\w))?(?P<pct>\s*%)?")
_KEYS = [
    "năm 2023, tỉnh tiếp nhận 1.439 hồ sơ, đạt 98,5%, chỉ số par index đạt 85,12 điểm, xếp thứ 15/63;",
    "tỷ lệ hài lòng 91.651%, điểm 92.83 điểm cầu 45.366 điểm; covid-19 có 7 ca, 12.5% và 1.2.3",
    "điểm đánh giá: 31,59/ 38,5 điểm tối đa; 88,02/100; 40,62/80 điểm; 59,72 ngàn hồ sơ; 2,5 triệu đồng, 3/4",
    "xếp hạng thứ 5, đứng 55/63 tỉnh; giữ vị trí số 2; ở vị trí thứ 1; (6) sở nội vụ; thứ 3 tỉnh hải dương đạt",
    "quyết định số 1291/qđ-bnv, 5.000.000, 123.456 hồ sơ, ,5 .7 /8 a9 9a 10,5,6 100%",
]


@pytest.mark.parametrize("key", _KEYS)
def test_the_fast_number_pattern_finds_what_the_plain_one_does(key):
    def found(pattern):
        return [(m.span(), m.group("n"), m.group("mult"), m.group("pct"), m.group("dot") is not None)
                for m in pattern.finditer(key)]

    assert found(_NUMBER) == found(_PLAIN_NUMBER)


@pytest.mark.parametrize("key", _KEYS)
def test_ranks_are_read_only_where_a_rank_word_stands_before_a_number(key):
    assert bool(_RANK.search(key)) <= bool(_RANK_WORD.search(key))
