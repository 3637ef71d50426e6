import pytest

from indexer.places import Place, dateline_day, district_mentions, locate, province_of_district, provinces_named


@pytest.mark.parametrize("title, body, url, expected", [
    ("Họp CCHC", "UBND tỉnh Cao Bằng triển khai. Tỉnh Cao Bằng đạt kết quả.", None, Place("Cao Bằng", None)),
    ("CCHC tại TP.HCM", "Thành phố triển khai kế hoạch.", None, Place("Hồ Chí Minh", None)),
    ("Cai cach hanh chinh tinh Dak Lak", "Tinh Dak Lak trien khai.", None, Place("Đắk Lắk", None)),
    ("Hội nghị CCHC", "Tỉnh Thừa Thiên - Huế tổ chức hội nghị.", None, Place("Thừa Thiên Huế", None)),
    ("UBND huyện Mộc Châu họp ban chỉ đạo CCHC", "Huyện Mộc Châu triển khai.", None, Place("Sơn La", "Mộc Châu")),
    ("Họp ban chỉ đạo", "Nội dung cuộc họp.", "https://sonoivu.caobang.gov.vn/tin/1", Place("Cao Bằng", None)),
    ("Họp ban chỉ đạo", "Nội dung cuộc họp.", "https://baotiengiang.vn/a", Place("Tiền Giang", None)),
    # weak or conflicting evidence: no guess
    ("Hội nghị CCHC", "Đoàn công tác học tập kinh nghiệm tại Hà Nội.", None, Place(None, None)),
    ("Hội nghị CCHC", "UBND tỉnh triển khai; đồng chí Nay Y Phú chủ trì.", None, Place(None, None)),
    ("Hội nghị", "Tỉnh Sơn La và tỉnh Lai Châu ký kết hợp tác.", None, Place(None, None)),
    # a commune or district named like a province is not the province (huyện Quảng Ninh is in Quảng Bình)
    ("Hội nghị", "UBND xã Hòa Bình và huyện Quảng Ninh triển khai.", None, Place("Quảng Bình", "Quảng Ninh")),
    ("Hội nghị", "UBND xã Hòa Bình và xã Quảng Ninh triển khai.", None, Place(None, None)),
    # the district of the lead, of the address, of a special unit; a shared name resolved by the province
    ("Hội nghị tổng kết CCHC", "Sáng 5/1, UBND thị xã Phú Mỹ tổ chức hội nghị.\n\nCác xã báo cáo.", None,
     Place("Bà Rịa - Vũng Tàu", "Phú Mỹ")),
    ("Họp ban chỉ đạo", "UBND huyện tổ chức cuộc họp.", "https://mocchau.sonla.gov.vn/tin/1",
     Place("Sơn La", "Mộc Châu")),
    # a district portal relaying a provincial story that neither names the district nor speaks of its own unit
    ("Toàn tỉnh giải quyết đúng hạn 98% hồ sơ", "Trong quý I, các cơ quan của tỉnh tiếp nhận 12.400 hồ sơ.",
     "https://mocchau.sonla.gov.vn/tin/2", Place("Sơn La", None)),
    # ... whose "63 tỉnh, thành phố" names the provinces, and whose "Thành phố" in a centrally-run city is the city
    ("Sơn La xếp thứ 6 về chỉ số cải cách hành chính", "Theo báo cáo, tính đến tháng 9, Sơn La đạt 78,7 điểm, "
     "đứng thứ 6/63 tỉnh, thành phố.", "https://mocchau.sonla.gov.vn/tin/4", Place("Sơn La", None)),
    ("Kết quả cải cách hành chính năm 2023 của thành phố Hà Nội", "Năm 2023, Thành phố tiếp tục đẩy mạnh cải cách "
     "hành chính.", "https://hadong.hanoi.gov.vn/tin/1", Place("Hà Nội", None)),
    ("Họp ban chỉ đạo", "UBND quận tổ chức cuộc họp.", "https://hadong.hanoi.gov.vn/tin/1", Place("Hà Nội", "Hà Đông")),
    # after the 2025 mergers the central ward of a city or town took its name: it is that former district
    ("Phường Sầm Sơn dẫn đầu về cải cách hành chính", "Năm 2025, UBND phường Sầm Sơn hoàn thành toàn bộ nhiệm "
     "vụ cải cách hành chính được giao.", None, Place("Thanh Hóa", "Sầm Sơn")),
    # a commune named in the headline or lead: local news, of the district whose page the address is
    ("Bộ phận một cửa xã Chiềng Sơn phục vụ người dân tận tình", "Thời gian qua, cán bộ bộ phận một cửa luôn "
     "hướng dẫn người dân chu đáo.", "https://sonla.gov.vn/huyen-moc-chau/tin/3", Place("Sơn La", "Mộc Châu")),
    ("Họp ban chỉ đạo", "UBND huyện tổ chức cuộc họp.", "https://sonla.gov.vn/huyen-mai-son/tin/1",
     Place("Sơn La", "Mai Sơn")),
    ("Phường 1 đẩy mạnh công tác cải cách hành chính", "Thời gian qua, bộ phận một cửa luôn hướng dẫn người dân chu "
     "đáo.", "https://caolanh.dongthap.gov.vn/tin/1", Place("Đồng Tháp", "Cao Lãnh")),  # a numbered ward
    ("Họp ban chỉ đạo", "UBND thành phố tổ chức cuộc họp.", "https://tpcaobang.caobang.gov.vn/tin/1",
     Place("Cao Bằng", "Cao Bằng")),
    ("Họp ban chỉ đạo", "Nội dung.", "https://sonoivu.caobang.gov.vn:443/tin/1", Place("Cao Bằng", None)),
    # provincial papers and stations whose names are not the province's: listed, or a known prefix
    ("Trung tâm Phục vụ hành chính công giải quyết hơn 59 ngàn hồ sơ", "Trong 9 tháng, Trung tâm tỉnh tiếp nhận hồ sơ.",
     "https://baodongkhoi.vn/trung-tam-phuc-vu-a78881.html", Place("Bến Tre", None)),
    ("Hội nghị tổng kết", "Nội dung.", "https://tinhuycaobang.vn/tin/1", Place("Cao Bằng", None)),
    ("Hội nghị tổng kết", "Nội dung.", "https://thanhuydanang.vn/tin/1", Place("Đà Nẵng", None)),  # city committee
    # a district's own portal names it when no other district shares its name; Châu Thành is in six provinces
    ("Hội nghị tổng kết", "Huyện tổng kết công tác năm qua.", "https://haquang.gov.vn/tin/1",
     Place("Cao Bằng", "Hà Quảng")),
    ("Hội nghị tổng kết", "Nội dung.", "https://chauthanh.gov.vn/tin/1", Place(None, None)),
    ("Họp ban chỉ đạo", "UBND huyện đảo tổ chức cuộc họp.", "http://bachlongvy.haiphong.gov.vn/tin/1",
     Place("Hải Phòng", "Bạch Long Vĩ")),
    ("Huyện đảo Lý Sơn đẩy mạnh một cửa", "Huyện đảo triển khai.", None, Place("Quảng Ngãi", "Lý Sơn")),
    ("Côn Đảo tiếp nhận hồ sơ trực tuyến", "Huyện triển khai.", None, Place("Bà Rịa - Vũng Tàu", "Côn Đảo")),
    ("UBND huyện Châu Thành họp CCHC", "Huyện Châu Thành triển khai.", "https://baotiengiang.vn/a",
     Place("Tiền Giang", "Châu Thành")),
    ("UBND huyện Châu Thành họp CCHC", "Huyện Châu Thành triển khai.", None, Place(None, None)),
    # the address's district yields to another district the text names
    ("Họp ban chỉ đạo", "Huyện Mai Sơn tổ chức họp.", "https://mocchau.sonla.gov.vn/tin/1", Place("Sơn La", "Mai Sơn")),
    # a roundup of several provinces: none
    ("Các tỉnh Tây Bắc nâng chất bộ phận một cửa",
     "Các tỉnh Sơn La, Điện Biên, Lai Châu và tỉnh Lào Cai đã đổi mới.\n\nTỉnh Sơn La dẫn đầu; tỉnh Sơn La đạt 98%.",
     None, Place(None, None)),
    # ... unless its body is overwhelmingly about one of them (an excerpt with no headline)
    ("", "Chỉ số CCHC năm 2023 của tỉnh Sơn La xếp thứ 19/63, đứng thứ 3 trong khu vực, sau tỉnh Lào Cai và tỉnh "
     "Phú Thọ.\n\nNăm nay, tỉnh Sơn La tăng 14 bậc. UBND tỉnh Sơn La chỉ đạo các sở khắc phục hạn chế; Sơn La phấn đấu "
     "giữ vững thứ hạng, tỉnh Sơn La đặt mục tiêu vào nhóm đầu.", None, Place("Sơn La", None)),
    # provincial newspapers and stations, national sites
    ("Họp ban chỉ đạo", "Nội dung.", "https://thdt.vn/a", Place("Đồng Tháp", None)),
    ("Họp ban chỉ đạo", "Nội dung.", "https://www.baotuyenquang.com.vn/a", Place("Tuyên Quang", None)),
    ("Họp ban chỉ đạo", "Nội dung.", "https://binhdinh24h.vn/binh-dinh-tinh-gian.html", Place("Bình Định", None)),
    ("Họp ban chỉ đạo", "Nội dung.", "https://moha.gov.vn/tin/1", Place(None, None)),
    ("Họp ban chỉ đạo", "Nội dung.", "http://[caobang.gov.vn/a", Place(None, None)),  # malformed
    ("Họp ban chỉ đạo", "Nội dung.", "https://moha.gov.vn/dia-phuong/quang-ninh/1", Place("Quảng Ninh", None)),
    # a provincial paper's national news section: the address gives no province
    ("Những đối tượng thuộc diện tinh giản biên chế", "Nghị định vừa được Chính phủ ban hành quy định các trường "
     "hợp tinh giản biên chế.", "https://www.baotiengiang.vn/trong-nuoc/nhung-doi-tuong-1.html", Place(None, None)),
    # address and text disagree: the text must be clearly stronger, else none
    ("Họp ban chỉ đạo", "UBND tỉnh Lạng Sơn tổ chức họp; tỉnh Lạng Sơn đạt kết quả.", "https://caobang.gov.vn/a",
     Place(None, None)),
    # one mention with its unit word (3) against the address (6): exactly twice is not clearly stronger either
    ("Họp ban chỉ đạo", "Đoàn công tác tỉnh Lạng Sơn dự họp.", "https://caobang.gov.vn/a", Place(None, None)),
    ("Họp ban chỉ đạo", "Đoàn công tác Lạng Sơn dự họp.", "https://caobang.gov.vn/a", Place("Cao Bằng", None)),
    ("Tỉnh Lạng Sơn công bố Chỉ số CCHC", "UBND tỉnh Lạng Sơn công bố.", "https://caobang.gov.vn/a",
     Place("Lạng Sơn", None)),
    # a district raised from huyện to thị xã is named either way
    ("Nâng cao chỉ số cải cách hành chính", "Sự vào cuộc quyết liệt của cấp ủy đã đưa thị xã Mộc Châu vào nhóm dẫn "
     "đầu tỉnh Sơn La.", None, Place("Sơn La", "Mộc Châu")),
    # a city that was a thị xã, on a page from before it became one: "thị xã Điện Biên Phủ" is the city
    ("Thị xã Điện Biên Phủ đón nhận đô thị loại III", "Sáng 19/5, thị xã Điện Biên Phủ tổ chức lễ đón nhận. Thị xã "
     "Điện Biên Phủ đã hoàn thành các tiêu chí.", None, Place("Điện Biên", "Điện Biên Phủ")),
    # where a provincial leader or the province's committee held an event, in the lead (a lead standing in for a
    # lost headline too): the venue, not the story's district
    ("Lãnh đạo tỉnh thăm Trung tâm hành chính công", "Ngày 12-2, tại thành phố Đồng Hới, đồng chí Chủ tịch UBND "
     "tỉnh đã đến thăm và chúc Tết cán bộ Trung tâm hành chính công tỉnh Quảng Bình.", None, Place("Quảng Bình", None)),
    ("Ngày 12-2, tại thành phố Đồng Hới, đồng chí Chủ tịch UBND tỉnh đã đến thăm Trung tâm hành chính công",
     "Đồng chí chúc Tết cán bộ Trung tâm hành chính công tỉnh Quảng Bình.", None, Place("Quảng Bình", None)),
    # the venue named four times, the neighbour of its contest group twice: the venue
    ("Thi mô hình sáng kiến cải cách hành chính", "Sáng 24-7 tại huyện Vạn Ninh, cụm thi số 5 (huyện Vạn Ninh và "
     "thị xã Ninh Hòa) tổ chức hội thi.\n\nCác đội của huyện Vạn Ninh và thị xã Ninh Hòa tranh tài. Huyện Vạn Ninh "
     "đạt giải nhất; tỉnh Khánh Hòa khen thưởng huyện Vạn Ninh.", None, Place("Khánh Hòa", "Vạn Ninh")),
    # a provincial contest held in the city named like the province: the venue is not what it is about
    ("Chung kết hội thi công chức tỉnh Lai Châu", "Tối 18/8, tại Quảng trường thành phố Lai Châu, hội thi khai "
     "mạc.\n\nSáu đội đến từ các huyện Tam Đường, Than Uyên, thành phố Lai Châu dự thi. Giải Ba về đội thành phố "
     "Lai Châu.", None, Place("Lai Châu", None)),
    # a district portal's story that names its own district as often as another: its own
    ("Kết quả đánh giá cải cách hành chính", "Huyện Hòn Đất đạt 91 điểm, xếp loại xuất sắc. Riêng huyện Vĩnh Thuận "
     "đạt 86,5 điểm.", "https://vinhthuan.kiengiang.gov.vn/tin/1", Place("Kiên Giang", "Vĩnh Thuận")),
    # a person's particulars in brackets place the person, not the story
    ("Xử phạt hai tàu cá vi phạm trong lĩnh vực thủy sản", "Xử phạt ông Nguyễn Văn B – thuyền trưởng (SN 1977, trú "
     "tại huyện An Biên, tỉnh Kiên Giang) và ông Trần Văn C (SN 1975, huyện An Biên, tỉnh Kiên Giang) vì khai thác "
     "sai vùng.", None, Place(None, None)),
    ("Hội thi tìm hiểu cải cách hành chính", "Huyện Mộc Châu tổ chức hội thi; đội của xã Chiềng Sơn (huyện Mộc "
     "Châu) đạt giải nhất. Huyện Mộc Châu khen thưởng 5 đội.", None, Place("Sơn La", "Mộc Châu")),
    # a byline before the lead is no part of it: the lead names the city the story is about
    ("Quý III, Hội An giải quyết 10.455 hồ sơ", "NHƯ QUỲNH |\n\nTheo UBND TP.Hội An, trong quý III.2020, tổng số "
     "hồ sơ yêu cầu giải quyết là 10.455 hồ sơ.\n\nCũng trong quý III, thành phố công khai địa chỉ tiếp nhận phản "
     "ánh tại Trung tâm hành chính công.", "https://baoquangnam.vn/cai-cach-hanh-chinh/quy-iii-1.html",
     Place("Quảng Nam", "Hội An")),
    # a headline opening on a district's name, a commune placed in its district by brackets; the province's
    # own name opening a headline is the province, not its city
    ("Hà Quảng: Thực hiện tiếp nhận hồ sơ theo cấp độ dịch", "UBND huyện ban hành văn bản về một cửa.",
     "https://caobang.gov.vn/tin/1", Place("Cao Bằng", "Hà Quảng")),
    ("Xã Trường Hà đạt chuẩn nông thôn mới", "Ngày 11/9, UBND tỉnh Cao Bằng kí quyết định công nhận xã Trường Hà "
     "(Hà Quảng) đạt chuẩn nông thôn mới.", None, Place("Cao Bằng", "Hà Quảng")),
    ("Cao Bằng: Công bố Chỉ số cải cách hành chính năm 2023", "UBND tỉnh Cao Bằng công bố chỉ số.", None,
     Place("Cao Bằng", None)),
    # many districts listed: a provincial report, no district
    ("Báo cáo", "Tỉnh Sơn La: huyện Mộc Châu, huyện Mai Sơn, huyện Yên Châu.", None, Place("Sơn La", None)),
])
def test_locate(title, body, url, expected):
    assert locate(title, body, url) == expected


def test_province_of_district():
    assert province_of_district("Mộc Châu") == "Sơn La"
    assert province_of_district("Châu Thành") is None  # in many provinces


def test_a_documents_issuer_is_evidence_of_the_province():
    header = "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert locate("KẾ HOẠCH Cải cách hành chính năm 2023", "Các sở triển khai.", header=header) == Place(
        "Ninh Bình", None)


def test_a_news_agencys_dateline_places_its_desk_not_the_story():
    lead = ("Hà Nội (TTXVN 12/5/2024) Kết quả khảo sát Chỉ số hài lòng năm 2023 cho thấy Thừa Thiên Huế đứng đầu "
            "với 90,12%, tỉnh Thừa Thiên Huế cũng tăng hai bậc so với năm trước.")
    assert locate(lead, lead) == Place("Thừa Thiên Huế", None)
    assert locate(lead.replace("(TTXVN 12/5/2024)", "(Tin tổng hợp)"), lead) == Place(None, None)  # no dateline
    story = "Hà Nội xếp thứ 3 (TTXVN) về Chỉ số cải cách hành chính, thành phố Hà Nội giữ vững vị trí."
    assert locate(story, story) == Place("Hà Nội", None)  # a headline that names the place before the credit


ONCE_TEXTS = [
    "UBND thành phố Hà Nội và UBND tỉnh Hà Nam; tỉnh Thừa Thiên - Huế, TP. Hồ Chí Minh, TP.HCM, Tp Cần Thơ.",
    "Tinh Dak Lak va thanh pho Ha Noi; tinh Ba Ria - Vung Tau, Can Tho, Ha Noi.",
    "Huyện Quảng Ninh (Quảng Bình), xã Hòa Bình, Hòa Bình, Thủ đô Hà Nội, thành phố Thành phố Hồ Chí Minh.",
]


def test_names_sought_once_per_text_match_as_a_scan_per_province(tmp_path):
    """``_score`` tries each province's patterns only where ``_name_starts`` found some name: the same
    matches, in the same order, as each pattern's own scan of the whole text."""
    from bench.generate import write_corpus
    from indexer.places import _matches_at, _name_starts, _province_patterns
    from search.textnorm import fold, unify_tones

    corpus = write_corpus(60, tmp_path / "corpus")
    texts = [*ONCE_TEXTS, *(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))]
    for text in [unify_tones(t) for t in texts]:
        for folded, seen in ((False, text), (True, fold(text))):
            unit_starts, bare_starts = ([m.start() for m in p.finditer(seen)] for p in _name_starts(folded))
            for with_unit, bare, _ in _province_patterns(folded).values():
                for pattern, starts in ((with_unit, unit_starts), (bare, bare_starts)):
                    assert [m.span() for m in _matches_at(pattern, seen, starts)] == \
                        [m.span() for m in pattern.finditer(seen)]


def test_districts_sought_where_a_unit_word_starts_match_as_a_scan_of_the_whole_text(tmp_path):
    """``district_hits`` tries the district pattern only where a unit word or an island's name starts in the
    lower-cased text (``_district_start_offsets``): the same matches as the pattern's own scan, also where
    lower-casing would change the text's length (the scan is then kept)."""
    from bench.generate import write_corpus
    from indexer.places import _district_index, _district_start_offsets, _matches_at, _one_k
    from search.textnorm import unify_tones

    pattern, _ = _district_index()
    corpus = write_corpus(60, tmp_path / "corpus")
    texts = [*ONCE_TEXTS, *(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))),
             "Huyện đảo Cô Tô, TP.Hạ Long, TX. Quảng Yên, THÀNH PHỐ Cẩm Phả và huyện-Tiên Yên; Côn Đảo.",
             "UBND H.Cẩm Mỹ đứng đầu, sau đó là UBND Q.Bình Thạnh và H. Nhơn Trạch."]
    for text in [_one_k(unify_tones(t)) for t in texts]:
        starts = _district_start_offsets(text)
        assert [m.span() for m in _matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
    assert _district_start_offsets("İ huyện Cô Tô") is None  # "İ".lower() is two characters
    assert district_mentions("Xã İa Mơr thuộc huyện Chư Prông") == district_mentions("Xã Ia Mơr thuộc huyện Chư Prông")


def test_newspapers_abbreviate_huyen_and_quan():
    text = "UBND H.Cẩm Mỹ có điểm số cao nhất (91,24 điểm), thứ ba là UBND H. Nhơn Trạch (86,18 điểm)."
    assert district_mentions(text, "Đồng Nai") == {("Đồng Nai", "Cẩm Mỹ"): 1, ("Đồng Nai", "Nhơn Trạch"): 1}
    assert district_mentions("Bộ phận một cửa Q.Bình Thạnh", "Hồ Chí Minh") == {("Hồ Chí Minh", "Bình Thạnh"): 1}


def test_a_city_written_tp_dot_without_a_space_is_named():
    assert provinces_named("xếp ở vị trí thứ hai là TP.Hải Phòng (90,09% điểm), thứ ba là TP.Hà Nội") == {
        "Hải Phòng", "Hà Nội"}


RANKING = ("Năm 2022, Sở Tư pháp đứng đầu khối sở, ngành với 91,2 điểm. Khối huyện, thị xã, thành phố: thị xã "
           "Hòa Thành 89,5 điểm, huyện Gò Dầu 87,1 điểm, huyện Bến Cầu 85,4 điểm, huyện Châu Thành 84,0 điểm; "
           "thấp nhất là huyện Tân Biên.")


@pytest.mark.parametrize("title, body, expected", [
    # a provincial ranking whose headline names its leader: about every district it ranks
    ("Sở Tư pháp và thị xã Hòa Thành dẫn đầu chỉ số cải cách hành chính tỉnh Tây Ninh", RANKING,
     Place("Tây Ninh", None)),
    # the same announcement whose body does not list the others: the headline alone says it ranks the units
    ("Hải Dương: Sở Giao thông vận tải và huyện Nam Sách dẫn đầu chỉ số cải cách hành chính",
     "UBND tỉnh Hải Dương vừa công bố Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành và UBND cấp "
     "huyện. Huyện Nam Sách đạt 91,36 điểm, đứng đầu khối huyện.", Place("Hải Dương", None)),
    # a district's own place in the ranking keeps its district; so does a "cơ sở" that leads
    ("Huyện Đak Pơ xếp thứ 2 về chỉ số cải cách hành chính năm 2020",
     "Theo kết quả UBND tỉnh Gia Lai công bố, huyện Đak Pơ đạt 86,5 điểm, xếp thứ 2/17 huyện, thị xã, thành phố.",
     Place("Gia Lai", "Đăk Pơ")),
    ("Thị xã Hòa Thành: các cơ sở y tế dẫn đầu về thanh toán không dùng tiền mặt",
     "Ngày 5/4, UBND thị xã Hòa Thành (tỉnh Tây Ninh) tổng kết việc thanh toán viện phí không dùng tiền mặt.",
     Place("Tây Ninh", "Hòa Thành")),
    # a district's own news that names two neighbours keeps its district
    ("Thị xã Hòa Thành đưa vào vận hành bộ phận một cửa hiện đại",
     "Ngày 5/4, UBND thị xã Hòa Thành (tỉnh Tây Ninh) đưa vào vận hành bộ phận một cửa hiện đại, sau huyện Gò "
     "Dầu và huyện Bến Cầu.", Place("Tây Ninh", "Hòa Thành")),
])
def test_a_headline_district_among_those_the_body_ranks(title, body, expected):
    assert locate(title, body) == expected


def test_a_district_portals_headline_on_its_own_place_in_a_ranking_keeps_its_district():
    title = "Thị xã Hòa Thành xếp thứ nhất về chỉ số cải cách hành chính năm 2022"
    assert locate(title, RANKING, "https://hoathanh.tayninh.gov.vn/tin/1") == Place("Tây Ninh", "Hòa Thành")
    assert locate(title, RANKING, "https://tayninh.gov.vn/tin/1") == Place("Tây Ninh", None)  # the province's own


@pytest.mark.parametrize("title, body, url, expected", [
    # a provincial paper's code before the lead names its province on an aggregator's page
    ("Người dân chưa quen nộp hồ sơ trực tuyến", "LSO-Trong quý II, Trung tâm Phục vụ hành chính công tiếp nhận "
     "3.120 hồ sơ, trong đó 41% nộp trực tuyến.", "https://baomoi.com/nguoi-dan-chua-quen.epi",
     Place("Lạng Sơn", None)),
    ("Hội thi tìm hiểu cải cách hành chính", "Ảnh: Ban tổ chức trao giải.\n\n(BL-TH) Sáng 12/10, Sở Nội vụ tổ chức hội "
     "thi tìm hiểu cải cách hành chính cho công chức trẻ của tỉnh.", None, Place("Bạc Liêu", None)),
    # an old paper's archive on the merged province's site: code and address disagree, so neither wins
    ("Hội thi tìm hiểu cải cách hành chính", "(BL-TH) Sáng 12/10, Sở Nội vụ tổ chức hội thi tìm hiểu cải cách hành "
     "chính cho công chức trẻ của tỉnh.", "https://baocamau.vn/hoi-thi-1.html", Place(None, None)),
    # capitals that are no paper's code
    ("Công bố chỉ số cải cách hành chính", "UBND - Sở Nội vụ công bố chỉ số cải cách hành chính các sở.", None,
     Place(None, None)),
])
def test_a_papers_code_before_the_lead(title, body, url, expected):
    assert locate(title, body, url) == expected


def test_the_headline_an_address_spells_confirms_a_province_the_text_names():
    """A page without a headline: the address's words ("quang-ninh-...") add to a province the text names,
    and never place a text that names none."""
    body = ("Việc xây dựng chính quyền điện tử đã góp phần phục vụ người dân tốt hơn. Đây là nền tảng để Quảng Ninh "
            "xây dựng nền hành chính hiện đại. Quảng Ninh được đánh giá là địa phương đi đầu cả nước.")
    spelled = "quang ninh nen tang cua nen hanh chinh hien dai"
    url = "https://bo.gov.vn/tin-tuc/quang-ninh-nen-tang-cua-nen-hanh-chinh-hien-dai.html"
    assert locate("", body, url) == Place(None, None)
    assert locate("", body, url, spelled=spelled) == Place("Quảng Ninh", None)
    unnamed = "Tính đến nay, 37/37 cơ quan trong toàn tỉnh đã gửi bản cam kết thực hiện cải cách hành chính."
    assert locate("", unnamed, url, spelled=spelled) == Place(None, None)


def test_a_ranking_of_provinces_without_a_headline_is_no_provinces_own():
    lead = ("Quảng Ninh lần đầu tiên vươn lên vị trí dẫn đầu với 70,7 điểm. Đà Nẵng (70,1 điểm) xếp vị trí thứ 2. "
            "Đồng Tháp (68,8 điểm) đứng thứ 3. Long An (66,7 điểm) ở vị trí thứ 4.")
    first = lead.split(". ")[0]  # no headline: the first sentence stands in as the title
    url = "https://vov.vn/kinh-te/10-tinh-thanh-pho-dan-dau-pci-2017-742419.vov"
    assert locate(first, lead, url, spelled="10 tinh thanh pho dan dau pci 2017") == Place(None, None)
    # under a headline naming the first province, the story is that province's
    assert locate("Quảng Ninh dẫn đầu PCI 2017", lead, url).province == "Quảng Ninh"


def test_a_news_agency_dateline_gives_the_day_the_story_was_filed():
    assert dateline_day("Hà Nội (TTXVN 11/5/2024) Năm 2023, tỉnh đứng đầu bảng xếp hạng.") == "2024-05-11"
    assert dateline_day("Hà Nội (TTXVN/Vietnam+) Chiều 12/3, Bộ Nội vụ công bố.") is None  # no date in it
    assert dateline_day("Năm 2023 (TTXVN 11/5/2024), tỉnh đứng đầu.") is None  # not a place's dateline


def test_the_highland_syllable_is_one_district_however_spelled():
    text = "UBND huyện Đak Pơ và huyện Đăk Tô dẫn đầu; huyện Đắk Hà xếp thứ ba."
    assert district_mentions(text) == {("Gia Lai", "Đăk Pơ"): 1, ("Kon Tum", "Đắk Tô"): 1, ("Kon Tum", "Đắk Hà"): 1}


@pytest.mark.parametrize("title, body, url, expected", [
    # a ministry the subject of the lead, the paper's own province named nowhere: a national story
    ("Đẩy mạnh Đề án 06 trong lực lượng công an", "Ngày 13-3, Bộ Công an tổ chức hội nghị trực tuyến toàn quốc về "
     "chuyển đổi số. Năm 2023, toàn lực lượng giải quyết hơn 60 triệu hồ sơ.",
     "https://www.sggp.org.vn/nganh-cong-an-1.html", Place(None, None)),
    ("Chỉ số cải cách hành chính 2023: dẫn đầu khối bộ", "Năm 2023, chỉ số trung bình của 17 bộ, cơ quan ngang bộ "
     "tăng 0,33%.", "https://baoquangninh.vn/chi-so-1.html", Place(None, None)),
    # the Prime Minister chairing a national meeting; the paper's province named nowhere: a national story
    ("Tổng kết hoạt động chuyển đổi số năm 2024", "Chiều 6/2, Thủ tướng Chính phủ chủ trì phiên họp trực tuyến với "
     "các địa phương tổng kết Đề án 06. Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình của cả nước đạt 45%.",
     "https://baoquangninh.vn/de-an-06-1.html", Place(None, None)),
    # a national body as the issuer of a document the lead cites is not its subject
    ("Sở Tư pháp đẩy mạnh chuyển đổi số", "Thực hiện Chỉ thị số 05/CT-TTg của Thủ tướng Chính phủ, Sở Tư pháp số "
     "hóa 100% sổ hộ tịch.", "https://baoquangninh.vn/so-tu-phap-1.html", Place("Quảng Ninh", None)),
    # the same paper's own story, its province named nowhere: the address places it
    ("Trung tâm hành chính công tiếp nhận 12.000 hồ sơ", "Quý I, trung tâm tiếp nhận 12.000 hồ sơ, đạt 99% đúng hạn.",
     "https://baoquangninh.vn/trung-tam-1.html", Place("Quảng Ninh", None)),
    # a ministry in the lead of a story that names the paper's province: the province's story
    ("Bộ Nội vụ công bố PAR INDEX", "Ngày 5/4, Bộ Nội vụ công bố chỉ số; Quảng Ninh tiếp tục dẫn đầu cả nước.",
     "https://baoquangninh.vn/par-index-1.html", Place("Quảng Ninh", None)),
    # a ministry named further down only: not the story's subject
    ("Tiếp nhận hồ sơ căn cước", "Công an tỉnh tiếp nhận 5.000 hồ sơ. Theo hướng dẫn của Bộ Công an, hồ sơ nộp trực "
     "tuyến.", "https://baoquangninh.vn/can-cuoc-1.html", Place("Quảng Ninh", None)),
])
def test_a_provincial_site_running_a_national_story_does_not_place_it(title, body, url, expected):
    assert locate(title, body, url) == expected


@pytest.mark.parametrize("body, expected", [
    # the province named only by the site's footer and as its seat at the online meeting: a national story
    ("Chiều 14/5, Văn phòng Chính phủ tổ chức hội nghị trực tuyến với 63 tỉnh, thành phố về cải cách thủ tục hành "
     "chính 4 tháng đầu năm. Dự tại điểm cầu tỉnh Kiên Giang có lãnh đạo Văn phòng UBND tỉnh.\n\n"
     "Cả nước đã công bố 700 quyết định về thủ tục hành chính.\n\n"
     "Bản quyền thuộc về Văn phòng UBND tỉnh Kiên Giang\n\nĐịa chỉ: 06 Nguyễn Công Trứ, TP Rạch Giá, tỉnh Kiên Giang",
     Place(None, None)),
    # the province's own results reported beside the meeting: its story
    ("Chiều 14/5, Văn phòng Chính phủ tổ chức hội nghị trực tuyến với 63 tỉnh, thành phố về cải cách thủ tục hành "
     "chính. Dự tại điểm cầu tỉnh Kiên Giang có lãnh đạo Văn phòng UBND tỉnh.\n\n"
     "Trong 4 tháng đầu năm, tỉnh Kiên Giang đã giải quyết 98% hồ sơ đúng hạn.", Place("Kiên Giang", None)),
])
def test_a_national_story_is_not_placed_by_the_site_s_footer_banner_or_seat_at_the_meeting(body, expected):
    assert locate("Hội nghị giao ban về cải cách thủ tục hành chính", body,
                  "https://vpubnd.kiengiang.gov.vn/tin-tuc/hoi-nghi-1.html",
                  header="Cổng thông tin điện tử Văn phòng UBND tỉnh Kiên Giang") == expected


MERGED_STORY = (
    "Ngày 23/8, UBND xã Mỹ Tú bố trí công chức làm việc cả ngày thứ Bảy để tiếp nhận hồ sơ đăng ký khai sinh, "
    "thường trú cho người dân.\n\n"
    "Theo lãnh đạo UBND xã Mỹ Tú, từ đầu tháng 7 đến nay xã đã giải quyết hơn 1.200 hồ sơ thủ tục hành chính, "
    "không có hồ sơ trễ hạn. Người dân xã Mỹ Tú được hướng dẫn nộp hồ sơ trực tuyến ngay tại Trung tâm Phục vụ "
    "hành chính công của xã.")


@pytest.mark.parametrize(("title", "body", "published", "expected"), [
    # after the mergers, the new city in the headline, a commune named like a former huyện of Sóc Trăng in the
    # lead: the story is about that district of the former province
    ("Cần Thơ: Làm việc ngày cuối tuần để giải quyết thủ tục hành chính", MERGED_STORY, "2025-08-23",
     Place("Sóc Trăng", "Mỹ Tú")),
    # the same page before the mergers: a commune is no district, the headline's city is the province
    ("Cần Thơ: Làm việc ngày cuối tuần để giải quyết thủ tục hành chính", MERGED_STORY, "2025-03-01",
     Place("Cần Thơ", None)),
    ("Cần Thơ: Làm việc ngày cuối tuần để giải quyết thủ tục hành chính", MERGED_STORY, None, Place("Cần Thơ", None)),
    # a province that merged with none: its own former huyện, named by its commune
    ("Hà Nội: Xã Thường Tín đưa Trung tâm Phục vụ hành chính công vào hoạt động",
     MERGED_STORY.replace("Mỹ Tú", "Thường Tín"), "2025-08-09", Place("Hà Nội", "Thường Tín")),
    # communes of two former provinces of the new city in its lead (Mỹ Tú of Sóc Trăng, Long Mỹ of Hậu Giang):
    # a story about the city, no district
    ("Cần Thơ: Làm việc ngày cuối tuần để giải quyết thủ tục hành chính",
     MERGED_STORY.replace("UBND xã Mỹ Tú bố trí", "UBND xã Mỹ Tú và xã Long Mỹ bố trí"), "2025-08-23",
     Place("Cần Thơ", None)),
    # one of them only named further down: the lead's commune places it
    ("Cần Thơ: Làm việc ngày cuối tuần để giải quyết thủ tục hành chính",
     MERGED_STORY.replace("Người dân xã Mỹ Tú", "Người dân xã Long Mỹ và xã Mỹ Tú"), "2025-08-23",
     Place("Sóc Trăng", "Mỹ Tú")),
])
def test_a_commune_named_like_a_former_district_places_a_page_from_after_the_mergers(title, body, published,
                                                                                      expected):
    assert locate(title, body, published=published) == expected


@pytest.mark.parametrize(("published", "expected"), [
    # after the mergers, a commune named like a former huyện of one province only, and no province named: the
    # story is about that former district of that province
    ("2025-08-11", Place("Hồ Chí Minh", "Củ Chi")),
    # before them, "xã Củ Chi" is a commune of no district's name: nothing places the story
    ("2025-03-01", Place(None, None)),
    (None, Place(None, None)),
])
def test_a_commune_named_like_a_former_district_places_a_story_naming_no_province(published, expected):
    title = "UBND xã Củ Chi khánh thành Trung tâm Phục vụ hành chính công"
    body = ("Sáng 11/8, UBND xã Củ Chi tổ chức lễ khánh thành và đưa vào hoạt động Trung tâm Phục vụ hành chính "
            "công xã. Trung tâm có 12 quầy tiếp nhận hồ sơ, bố trí khu vực hướng dẫn người dân nộp hồ sơ trực "
            "tuyến và thanh toán phí, lệ phí không dùng tiền mặt.\n\n"
            "Từ ngày 1/7 đến nay, xã đã tiếp nhận 5.091 hồ sơ, giải quyết đúng hạn 4.811 hồ sơ.")
    assert locate(title, body, published=published) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the address's province (6) against the one the text names once with its unit word (3): exactly twice is
    # not clearly stronger, so neither is chosen (a wrong province is worse than none)
    ("Theo kết quả công bố của VCCI, chỉ số PCI tỉnh Bạc Liêu năm 2022 đạt 61,6 điểm, xếp thứ 58/63 tỉnh, thành "
     "trong cả nước; tỉnh tập trung cải thiện mạnh các chỉ số thành phần.", Place(None, None)),
    # without that mention, the address places it
    ("Theo kết quả công bố của VCCI, chỉ số PCI của tỉnh năm 2022 đạt 61,6 điểm, xếp thứ 58/63 tỉnh, thành "
     "trong cả nước; tỉnh tập trung cải thiện mạnh các chỉ số thành phần.", Place("Cà Mau", None)),
])
def test_a_province_only_twice_as_strong_as_the_next_is_not_chosen(body, expected):
    assert locate("", body, "https://baocamau.vn/tap-trung-nang-cao-chi-so-pci-a107823.html") == expected
