import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.topics import assign_topics, headline_kind, topic_evidence, with_figures


def test_each_topic_from_its_evidence():
    body = ("Công tác cải cách hành chính: rà soát văn bản quy phạm pháp luật; kiểm soát thủ tục hành chính; "
            "sắp xếp tổ chức bộ máy; đào tạo, bồi dưỡng cán bộ, công chức; cơ chế tự chủ tài chính; "
            "dịch vụ công trực tuyến; Chỉ số PAR Index, SIPAS; tuyên truyền; kiểm tra, giám sát.")
    assert assign_topics("Kế hoạch CCHC", body) == [
        "the_che", "thu_tuc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so", "chi_so",
        "tuyen_truyen", "kiem_tra"]


def test_department_names_are_no_evidence():
    body = "Sở Thông tin và Truyền thông báo cáo kết quả cải cách hành chính, dịch vụ công trực tuyến."
    assert assign_topics("Kế hoạch CCHC năm 2024", body) == ["chinh_quyen_so"]


def test_evidence_needed_grows_from_plans_to_reviews_to_other_news_and_with_length():
    body = ("Cải cách hành chính: thủ tục hành chính được niêm yết. Bộ phận một cửa tiếp nhận hồ sơ. "
            "Không có hồ sơ trễ hạn.")
    assert topic_evidence("", body)["thu_tuc"] == 7  # four terms, two more sentences, the reform beside one
    assert [headline_kind(t) for t in ("kế hoạch cchc năm 2024", "sơ kết công tác cchc quý i", "hội thi cchc")] == [
        "plan", "review", "other"]
    assert assign_topics("Hội thi tìm hiểu CCHC", body) == ["thu_tuc", "tuyen_truyen"]
    filler = " Các đơn vị tiếp tục thực hiện nhiệm vụ được giao theo đúng kế hoạch đề ra." * 30
    long = "Cải cách hành chính: thủ tục hành chính được niêm yết. Có 12 hồ sơ." + filler  # 3 pieces, 2,400 chars
    assert [assign_topics(title, long) for title in ("Kế hoạch CCHC năm 2024", "Sơ kết công tác CCHC quý I",
                                                     "Hội thi tìm hiểu CCHC")] == [
        ["thu_tuc"], [], ["tuyen_truyen"]]
    short = "Cải cách hành chính: thủ tục hành chính được niêm yết. Có 12 hồ sơ."  # the same 3 pieces, 66 chars
    assert [assign_topics(title, short) for title in ("Kế hoạch CCHC năm 2024", "Sơ kết công tác CCHC quý I",
                                                      "Hội thi tìm hiểu CCHC")] == [
        ["thu_tuc"], ["thu_tuc"], ["thu_tuc", "tuyen_truyen"]]


def test_a_passing_weak_word_is_not_a_topic():
    assert assign_topics("Hội nghị CCHC", "Cải cách hành chính: cán bộ dự họp; hồ sơ đã gửi.") == []


def test_a_bulletin_on_another_subject_gets_none():
    body = "Lễ hội hoa được tổ chức. Công tác tuyên truyền lễ hội được đẩy mạnh, cán bộ tham gia."
    assert assign_topics("Lễ hội hoa xuân", body) == []


PILLARS = ("Năm 2023, huyện tập trung cải cách thể chế, cải cách TTHC, cải cách tổ chức bộ máy, cải cách chế độ "
           "công vụ, cải cách tài chính công, xây dựng chính quyền điện tử.")


def test_a_sentence_listing_the_pillars_is_no_evidence_for_each():
    body = PILLARS + " Hồ sơ trễ hạn giảm nhờ bộ phận một cửa. Thủ tục hành chính được niêm yết."
    assert assign_topics("Hội nghị giao ban CCHC quý II", body) == ["thu_tuc"]


def test_a_whole_programme_plan_covers_the_pillars_it_lists():
    assert assign_topics("Kế hoạch cải cách hành chính năm 2023", PILLARS) == [
        "the_che", "thu_tuc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"]


@pytest.mark.parametrize("body", [
    "Cải cách hành chính: đồng chí Chủ tịch phổ biến nội dung cuộc họp. Đoàn thể phổ biến lịch làm việc.",
    "Cải cách hành chính: cán bộ hoàn thành nhiệm vụ, công vụ được giao.",
    "Cải cách hành chính: trường học tự chủ sắp xếp lịch học.",
    "Cải cách hành chính: Ban Thường vụ giám sát việc tổ chức hội nghị.",
])
def test_ordinary_words_without_their_reform_context_are_no_topic(body):
    assert assign_topics("Hội nghị giao ban", body) == []


def test_a_strong_term_beside_the_reform_and_a_headline_term_are_enough():
    assert assign_topics("Hội nghị giao ban", "Huyện đẩy mạnh tuyên truyền về CCHC đến người dân.") == ["tuyen_truyen"]
    assert assign_topics("Hội thi tìm hiểu cải cách hành chính", "Các đội thi sôi nổi.") == ["tuyen_truyen"]


def test_the_reforms_own_measures_say_a_bulletin_is_about_it_without_naming_the_reform():
    # no "cải cách hành chính", "một cửa" or "dịch vụ công": "tinh gọn bộ máy" is one of the reform's own measures
    body = ("Sáng ngày 12/6, Chủ tịch UBND tỉnh ký quyết định phê duyệt đề án tinh gọn bộ máy các cơ quan chuyên "
            "môn, sắp xếp lại các phòng trực thuộc sở theo hướng giảm đầu mối.")
    assert assign_topics("Tỉnh phê duyệt đề án tinh gọn bộ máy", body) == ["bo_may"]
    assert assign_topics("Lễ hội đua ghe truyền thống", body.replace("tinh gọn bộ máy", "lễ hội")) == []
    # a contest or the satisfaction of tourists in a headline is no such measure
    assert assign_topics("Hội thi thể thao các dân tộc", "Hội thi thể thao thu hút 300 vận động viên. Hội thi "
                         "kết thúc với lễ trao giải.") == []
    assert assign_topics("Chỉ số hài lòng của du khách đạt 87%", "Khảo sát 500 du khách về dịch vụ lưu trú.") == []


@pytest.mark.parametrize("title, body, expected", [
    # the one-stop service agency under another name than "trung tâm"
    ("Thành phố sẽ có cơ quan phục vụ hành chính công",
     "UBND thành phố thành lập Tổ biên tập xây dựng đề án Cơ quan phục vụ hành chính công.", ["thu_tuc"]),
    # oversight of the reform by the council is inspection work
    ("Triển khai kế hoạch năm 2016", "HĐND tỉnh họp triển khai kế hoạch giám sát về cải cách hành chính trên địa bàn.",
     ["kiem_tra"]),
    # a legal normative decision issuing a regulation is institutional work
    ("QUYẾT ĐỊNH BAN HÀNH QUY CHẾ PHỐI HỢP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
     "Số: 12/2019/QĐ-UBND\nCăn cứ Luật Tổ chức chính quyền địa phương; theo đề nghị của Giám đốc Sở Nội vụ.",
     ["the_che", "thu_tuc"]),
    ("Huyện công khai đánh giá mức độ hài lòng của người dân",
     "Năm 2017, huyện xác định công tác CCHC là nhiệm vụ trọng tâm.", ["chi_so"]),
    # public service units that finance their own recurrent spending: the autonomy of public finance reform
    ("Cải cách hành chính: chuyển đơn vị sự nghiệp sang tự chủ",
     "Tỉnh chuyển 4 đơn vị sự nghiệp công lập sang loại hình tự bảo đảm chi thường xuyên.", ["tai_chinh_cong"]),
    # an inspection of the reform and of how civil servants perform their duties
    ("Huyện kiểm tra công tác cải cách hành chính và hoạt động công vụ năm 2020",
     "Đoàn kiểm tra của huyện làm việc tại 15 xã, thị trấn.", ["cong_vu", "kiem_tra"]),
    # the real-time index of Decision 766 by its short names
    ("Tỉnh xếp thứ 5 cả nước về chỉ số chỉ đạo, điều hành và phục vụ người dân, doanh nghiệp",
     "Theo kết quả công bố trên Cổng Dịch vụ công quốc gia, tổng điểm của tỉnh đạt 88,4 điểm.", ["chi_so"]),
    # late dossiers and the apologies for them are the one-stop's results, whatever the wording
    ("Trên 7.600 hồ sơ bị quá hạn trong quý I", "Theo báo cáo về cải cách hành chính của UBND tỉnh, phần lớn thuộc "
     "lĩnh vực đất đai.", ["thu_tuc"]),
    ("Quận gửi 7.000 thư xin lỗi trong năm 2016", "Các phường đều xin lỗi công dân khi giải quyết thủ tục hành chính "
     "chậm.", ["thu_tuc"]),
])
def test_general_terms_chosen_on_real_dev_pages(title, body, expected):
    assert assign_topics(title, body) == expected


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="ab _-\nđạ1", max_size=40), term=st.sampled_from(["a", "ab", "a b", "đạ", "b_", "a a"]),
       cap=st.integers(1, 3))
def test_counting_by_find_equals_the_whole_word_regex(text, term, cap):
    from indexer.topics import _count, _term_pattern

    assert _count(term, text, cap) == min(len(_term_pattern(term).findall(text)), cap)


def test_a_bulletin_reporting_online_filings_discusses_digital_government():
    online = [{"indicator": "dossiers_online"}, {"indicator": "dossiers_received"}]
    assert with_figures(["kiem_tra", "thu_tuc"], online) == ["thu_tuc", "chinh_quyen_so", "kiem_tra"]
    assert with_figures(["thu_tuc"], [{"indicator": "dossiers_received"}]) == ["thu_tuc"]
    # given its text, only when the text also names something of digital government: a share filed online in a
    # report on dossier handling is a figure of that report
    title = "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%"
    handled = "Quý II, bộ phận một cửa tiếp nhận 6.200 hồ sơ, trong đó 41% nộp trực tuyến."
    assert with_figures(["thu_tuc"], online, title, handled) == ["thu_tuc"]
    portal = handled + " Người dân nộp hồ sơ qua Cổng dịch vụ công của tỉnh."
    assert with_figures(["thu_tuc"], online, title, portal) == ["thu_tuc", "chinh_quyen_so"]


def test_the_two_level_local_government_is_organisational_reform():
    title = "Phường Tân Định: ngày đầu vận hành chính quyền địa phương 2 cấp"
    body = ("Sáng 1/7, Trung tâm Phục vụ hành chính công phường tiếp nhận 64 hồ sơ thủ tục hành chính của người dân. "
            "Cán bộ được bố trí theo vị trí việc làm mới, hướng dẫn người dân nộp hồ sơ trực tuyến.")
    assert "bo_may" in assign_topics(title, body)
    assert "bo_may" not in assign_topics(title.replace("chính quyền địa phương 2 cấp", "bộ phận một cửa"), body)
    # the reorganisation itself says the bulletin is about the reform, though it names nothing else of it
    title = "Sau hai tháng vận hành chính quyền địa phương hai cấp: các xã dần ổn định"
    body = ("Sau hai tháng thực hiện mô hình chính quyền địa phương hai cấp, các xã, phường của tỉnh đã từng bước "
            "hoàn thiện trụ sở, trang thiết bị làm việc và quy trình xử lý công việc.")
    assert assign_topics(title, body) == ["bo_may"]
    assert assign_topics(title.replace("chính quyền địa phương hai cấp", "mô hình mới"),
                         body.replace("chính quyền địa phương hai cấp", "mới")) == []


def test_civil_servants_named_as_the_people_involved_are_no_civil_service_reform():
    contest = ("Hội thi tìm hiểu cải cách hành chính dành cho cán bộ, công chức, viên chức trẻ",
               "Sáng 20/10, 12 đội của cán bộ, công chức, viên chức trẻ các sở, ngành tham gia hội thi. Các đội thi "
               "phần hiểu biết về cải cách hành chính, phần tiểu phẩm về cơ chế một cửa. Đội của Sở Tư pháp đạt "
               "giải nhất; cán bộ, công chức các đơn vị đến cổ vũ đông đủ.")
    assert "cong_vu" not in assign_topics(*contest)
    inspection = ("Kiểm tra công vụ đột xuất tại bộ phận một cửa",
                  "Đoàn kiểm tra công vụ của tỉnh kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính tại "
                  "bộ phận một cửa của 3 huyện, không phát hiện trường hợp nhũng nhiễu người dân.")
    assert "cong_vu" in assign_topics(*inspection)


def test_an_index_result_walks_through_its_components_without_discussing_each():
    title = "Chỉ số cải cách hành chính năm 2021: tỉnh xếp thứ 15/63"
    body = ("Theo kết quả Bộ Nội vụ công bố, Chỉ số cải cách hành chính năm 2021 của tỉnh đạt 86,12 điểm, tăng 4 "
            "bậc. Trong 8 chỉ số thành phần, lĩnh vực cải cách thủ tục hành chính đạt 12,5/14 điểm; việc tiếp nhận "
            "hồ sơ qua bộ phận một cửa được người dân đánh giá cao. Công tác tuyên truyền cải cách hành chính đạt "
            "điểm tối đa. Chỉ số thành phần hiện đại hóa hành chính giảm 0,8 điểm so với năm trước. Tỉnh sẽ tập "
            "trung khắc phục các tiêu chí bị trừ điểm để nâng thứ hạng trong năm tới.")
    assert assign_topics(title, body) == ["chi_so"]
    # the same words under a headline of topical news are evidence of the topics they name
    assert "thu_tuc" in assign_topics("Tỉnh đẩy mạnh giải quyết hồ sơ cho người dân", body)


def test_an_agency_reorganised_is_organisational_reform():
    title = "Tổ chức lại Trung tâm Phục vụ hành chính công tỉnh"
    body = ("UBND tỉnh ban hành quyết định tổ chức lại Trung tâm Phục vụ hành chính công tỉnh trực thuộc Văn phòng "
            "UBND tỉnh, kiện toàn bộ phận tiếp nhận hồ sơ theo hướng giảm đầu mối.")
    assert "bo_may" in assign_topics(title, body)
    assert "bo_may" not in assign_topics(title.replace("Tổ chức lại", "Khai trương"),
                                         body.replace("tổ chức lại", "khai trương"))


@pytest.mark.parametrize("number, expected", [
    ("1961/2019/QĐ-UBND", ["the_che", "thu_tuc"]),  # a legal normative document: institutional reform
    ("2165/QĐ-UBND", ["thu_tuc"]),  # an administrative decision issuing an operating regulation: not
])
def test_issuing_a_regulation_is_institutional_reform_only_in_a_legal_normative_document(number, expected):
    title = "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ PHỐI HỢP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CƠ CHẾ MỘT CỬA LIÊN THÔNG"
    body = (f"Số: {number}\nCăn cứ Luật Tổ chức chính quyền địa phương; Nghị định số 61/2018/NĐ-CP về thực hiện cơ "
            "chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính; xét đề nghị của Giám đốc Sở Nội vụ.")
    assert assign_topics(title, body) == expected
