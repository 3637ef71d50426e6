"""Query understanding: facet values named inside free text (search.understanding)."""

from __future__ import annotations

import pytest

from search.models import make_request
from search.query import parse_query
from search.understanding import asked_text, understand


@pytest.mark.parametrize(("query", "expected"), [
    ("kết quả cải cách hành chính quý I năm 2021", {"year": "2021", "quarter": "Q1"}),
    ("ket qua cai cach hanh chinh quy 1 nam 2021", {"year": "2021", "quarter": "Q1"}),
    ("CCHC quý 1/2021 tỉnh Cao Bằng", {"year": "2021", "quarter": "Q1", "province": "Cao Bằng"}),
    ("báo cáo 9 tháng năm 2022 Bà Rịa Vũng Tàu", {"year": "2022", "quarter": "9M", "province": "Bà Rịa - Vũng Tàu"}),
    ("6 tháng cuối năm 2015", {"year": "2015", "quarter": "H2"}),
    ("sơ kết 6 tháng đầu năm huyện Mộc Châu",
     {"quarter": "H1", "province": "Sơn La", "district": "Mộc Châu"}),
    ("huyện Châu Thành tỉnh Bến Tre", {"province": "Bến Tre", "district": "Châu Thành"}),
    ("một cửa huyện Châu Thành", {}),  # a name in ten provinces, none named: left out
    ("Châu Thành một cửa", {}),  # no unit word: not taken for a district
    ("61/2018/NĐ-CP năm 2021", {"year": "2021"}),  # the year inside a document number does not count
    ("giai đoạn 2021-2025", {}),  # two years: no single year
    ("nghị định 107/2021", {}),  # a document's number and year
    ("áp dụng ISO 9001:2015 trong cơ quan hành chính", {}),  # a standard's edition, not a reporting year
    ("TCVN ISO 9001:2008 năm 2019", {"year": "2019"}),
    ("tháng 5/2023", {"year": "2023"}),
    ("đo lường sự hài lòng", {}),
    ("", {}),
    # one recogniser with the indexer: the indexer reads this headline as H1 2021
    ("sơ kết 6 tháng năm 2021", {"year": "2021", "quarter": "H1"}),
    ("so ket 6 thang nam 2021", {"year": "2021", "quarter": "H1"}),
    # no inventions: a common phrase typed in lower case, a name typed with the wrong diacritics
    ("giữ vững hòa bình", {}),
    ("hai dương tính", {}),
    ("tỉnh hòa bình", {"province": "Hòa Bình"}),
    ("cải cách hành chính Hòa Bình", {"province": "Hòa Bình"}),
    ("cai cach hanh chinh hoa binh", {"province": "Hòa Bình"}),
    # either spelling of a Central Highlands name (``textnorm.unify_spelling``)
    ("cải cách hành chính Đăk Lăk", {"province": "Đắk Lắk"}),
    ("ĐĂK NÔNG năm 2023", {"year": "2023", "province": "Đắk Nông"}),
    # a centrally governed city by its unit word, spelt out or short, with or without its dot, or by its initials
    ("một cửa thành phố Hồ Chí Minh", {"province": "Hồ Chí Minh"}), ("Thành phố Hà Nội", {"province": "Hà Nội"}),
    ("TP. Hồ Chí Minh năm 2024", {"year": "2024", "province": "Hồ Chí Minh"}),
    ("TP.HCM một cửa", {"province": "Hồ Chí Minh"}), ("HCM một cửa", {"province": "Hồ Chí Minh"}),
    ("TPHCM", {"province": "Hồ Chí Minh"}), ("thanh pho da nang", {"province": "Đà Nẵng"}),
    ("Huế một cửa", {}),  # one syllable, also a common word: only with a unit word ("thành phố Huế")
    # a district named in two provinces, told apart by the kind its unit word names; "TX" is a town's unit word
    ("thị xã Sơn Tây", {"province": "Hà Nội", "district": "Sơn Tây"}),
    ("huyện Sơn Tây", {"province": "Quảng Ngãi", "district": "Sơn Tây"}),
    ("TX. Sơn Tây", {"province": "Hà Nội", "district": "Sơn Tây"}),
    ("TX Hương Thủy", {"province": "Thừa Thiên Huế", "district": "Hương Thủy"}),
    ("huyện Tân Uyên", {"province": "Lai Châu", "district": "Tân Uyên"}),
    # periods as queries write them more tersely than pages: a quarter before its year, "6 tháng" and its year
    ("Q1/2021", {"year": "2021", "quarter": "Q1"}),
    ("Q2-2022 Sơn La", {"year": "2022", "quarter": "Q2", "province": "Sơn La"}),
    ("q3 nam 2020", {"year": "2020", "quarter": "Q3"}), ("6 tháng 2022", {"year": "2022", "quarter": "H1"}),
    ("Q1 TP HCM", {"province": "Hồ Chí Minh"}),  # no year after it: perhaps District 1, not read
    # a count that opens like a year is none: "20000" is no year 2000, "quý II/20215" a slip with no year
    ("hơn 20000 hồ sơ trực tuyến", {}), ("tiếp nhận 19852 hồ sơ năm 2021", {"year": "2021"}),
    ("quý II/20215", {"quarter": "Q2"}),
])
def test_understand(query, expected):
    assert understand(query) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ('cải cách NOT "quý I"', {}),
    ("cải cách -2021", {}),
    ('"Cao Bằng" một cửa', {}),
    ("+2021 một cửa Cao Bằng", {"year": "2021", "province": "Cao Bằng"}),
    ("(quý I OR quý II) năm 2022", {"year": "2022", "quarter": "Q1"}),
    ('province:"Cao Bằng" một cửa', {}),
])
def test_what_a_query_excludes_or_quotes_is_not_understood(query, expected):
    assert understand(asked_text(parse_query(query))) == expected


def test_the_engine_reports_only_what_was_asked(engine):
    assert engine.run_search(make_request('cải cách NOT "quý I"')).understood == {}
    assert engine.run_search(make_request("cải cách quý I")).understood == {"quarter": "Q1"}


@pytest.mark.parametrize("query, expected", [
    ("tỷ lệ hồ sơ đúng hạn của các tỉnh miền núi phía Bắc", {"region": "Trung du và miền núi phía Bắc"}),
    ("DVCTT các tỉnh ĐBSCL năm 2023", {"year": "2023", "region": "Đồng bằng sông Cửu Long"}),
    ("dich vu cong truc tuyen Tay Nguyen", {"region": "Tây Nguyên"}),
    ("cải cách hành chính Bắc Trung Bộ và duyên hải miền Trung", {"region": "Bắc Trung Bộ và duyên hải miền Trung"}),
    ("cải cách hành chính Duyên hải Nam Trung Bộ", {"region": "Duyên hải Nam Trung Bộ"}),
    ("chỉ số CCHC tỉnh Gia Lai khu vực Tây Nguyên", {"province": "Gia Lai"}),  # the province, not its region
    ("cải cách hành chính miền Trung và Tây Nguyên", {}),  # two regions: neither
    ("phía tây bắc của huyện", {}),  # a direction, no region
])
def test_a_region_is_understood_when_no_province_is_named(query, expected):
    assert understand(query) == expected


def test_the_six_regions_hold_each_province_once():
    from search.understanding import region_provinces
    from search.vocabulary import provinces
    six = ["Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ và duyên hải miền Trung",
           "Tây Nguyên", "Đông Nam Bộ", "Đồng bằng sông Cửu Long"]
    listed = [province for region in six for province in region_provinces(region)]
    assert sorted(listed) == sorted(p.name for p in provinces())
    assert set(region_provinces("Tây Bắc")) < set(region_provinces("Trung du và miền núi phía Bắc"))


def test_bulletins_of_a_named_region_are_lifted(tmp_path):
    from search.engine import SearchEngine
    from search.relevance import Relevance
    from tests.helpers import engine_over
    told = "Tỉnh {} đẩy mạnh cải cách hành chính, tiếp nhận hồ sơ trực tuyến tại bộ phận một cửa{}."
    bulletins = {"gia-lai": f"Tin cải cách hành chính\n\n{told.format('Gia Lai', '')}",
                 "ha-noi": f"Tin cải cách hành chính\n\n{told.format('Hà Nội', ' các cấp, bộ phận một cửa')}"}
    root = engine_over(bulletins, tmp_path).root
    query = "cải cách hành chính một cửa Tây Nguyên"
    flat = SearchEngine(root, relevance=Relevance(understood_boost=0, page_lift=0)).run_search(make_request(query))
    lifted = SearchEngine(root).run_search(make_request(query, explain=True))
    assert ([hit.id for hit in flat.results], lifted.understood) == (["ha-noi", "gia-lai"], {"region": "Tây Nguyên"})
    assert [hit.id for hit in lifted.results] == ["gia-lai", "ha-noi"]


def test_the_words_of_a_named_place_weigh_less_than_the_subject(tmp_path):
    """A bulletin that says the province's name often but not what was asked no longer outranks one about the
    subject: the place is lifted as understood, its words weigh ``Relevance.place_weight`` in the text's score."""
    from search.engine import SearchEngine
    from search.relevance import Relevance
    from tests.helpers import engine_over
    named = ("UBND tỉnh Vĩnh Long ban hành quyết định công bố thủ tục hành chính. Sở Nội vụ tỉnh Vĩnh Long, "
             "Sở Tư pháp tỉnh Vĩnh Long và UBND các huyện của tỉnh Vĩnh Long triển khai; chính quyền các cấp "
             "tỉnh Vĩnh Long niêm yết công khai tại bộ phận một cửa tỉnh Vĩnh Long.")
    subject = ("Phường 1 xây dựng mô hình công sở thân thiện, cán bộ một cửa niềm nở hướng dẫn người dân "
               "làm thủ tục; mô hình được nhân rộng trên địa bàn thành phố Vĩnh Long trong năm. Người dân "
               "đánh giá cao mô hình thân thiện này.")
    doings = [("Sơn La", "nhân rộng mô hình một cửa"), ("Gia Lai", "nhân rộng mô hình dân vận khéo"),
              ("Cà Mau", "làm theo mô hình cà phê doanh nhân"), ("Lào Cai", "thử mô hình xã thông minh"),
              ("Hà Giang", "có mô hình ứng xử thân thiện"), ("Nam Định", "có mô hình bưu điện thân thiện")]
    others = {f"other-{k}": f"Tin cải cách hành chính\n\nTỉnh {place} {what}, chính quyền gần dân."
              for k, (place, what) in enumerate(doings)}
    root = engine_over({"named": f"Công bố thủ tục hành chính\n\n{named}",
                        "subject": f"Phường 1 đẩy mạnh cải cách hành chính\n\n{subject}", **others}, tmp_path).root
    query = "mô hình chính quyền thân thiện ở Vĩnh Long"
    even = SearchEngine(root, relevance=Relevance(place_weight=1.0)).run_search(make_request(query))
    weighed = SearchEngine(root).run_search(make_request(query))
    assert [hit.id for hit in even.results][:2] == ["named", "subject"]
    assert ([hit.id for hit in weighed.results][:2], weighed.understood) == (["subject", "named"],
                                                                             {"province": "Vĩnh Long"})


@pytest.mark.parametrize("query, places, weighed", [
    ("kết quả năm 2020 tỉnh Quảng Nam", (("quảng", "nam"),), {"Quảng Nam"}),  # "năm" is not the Nam of Quảng Nam
    ("ket qua nam 2020 quang nam", (("quảng", "nam"),), {"quang nam"}),  # only where the name stands
    ("cải cách hành chính tỉnh Hà Tĩnh", (("hà", "tĩnh"),), {"Hà Tĩnh"}),  # nor "tỉnh" its Tĩnh
    ("cải cách hành chính Hà Tĩnh", (), set()),  # no place understood, nothing weighed
    ("một cửa huyện Kỳ Anh", (("kì", "anh"),), {"Kỳ Anh"}),  # the place as the search fields spell it
])
def test_the_place_weight_falls_on_the_words_that_spell_the_place(query, places, weighed):
    from search.compiler import compile_query
    from search.query import parse_query

    compiled, _ = compile_query(parse_query(query), lambda field, value: [value], places=places)
    best = compiled.query  # the best match under the headline's lift
    boosts = dict(zip(best.labels, (part.boost for part in best.soft), strict=True))
    assert {label for label, boost in boosts.items() if boost == 0.5} == weighed
    assert all(boost in (0.5, 1.0) for boost in boosts.values())
