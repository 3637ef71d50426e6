import pytest

from indexer.cleaning import address_words, clean
from indexer.records import Cleaned
from tests.conftest import CORPUS

BODY = "Sáng nay, UBND tỉnh tổ chức hội nghị sơ kết công tác cải cách hành chính với nhiều nội dung quan trọng."


def test_chrome_around_an_article_is_removed():
    page = "\n".join([
        "Truy cập nội dung luôn",
        "Trang chủ » Tin tức » Cải cách hành chính",
        "Cải cách hành chính Cải cách hành chính",
        "Hội nghị sơ kết cải cách hành chính 6 tháng",
        "Bản in | Quay lại | A+ A A- | Đọc bài viết",
        "Thứ 3, ngày 05/01/2021 | 08:11 AM (GMT +7)",
        "Lượt xem: 1510",
        BODY,
        "Chia sẻ",
        "1 2 3 4",
        "Thanh Hà",
        "Tin liên quan",
        "Công bố thủ tục 61/2018/NĐ-CP    16/05/2023",
        "Thống kê truy cập",
        "• Tổng lượt truy cập: 17737429",
    ])
    assert clean(page) == Cleaned(
        title="Hội nghị sơ kết cải cách hành chính 6 tháng",
        text=f"{BODY}\n\nThanh Hà",
        published_line="Thứ 3, ngày 05/01/2021 | 08:11 AM (GMT +7)",
        header=["Truy cập nội dung luôn", "Trang chủ » Tin tức » Cải cách hành chính",
                "Cải cách hành chính Cải cách hành chính", "Hội nghị sơ kết cải cách hành chính 6 tháng",
                "Thứ 3, ngày 05/01/2021 | 08:11 AM (GMT +7)"],
        aside="\n".join(["Truy cập nội dung luôn", "Trang chủ » Tin tức » Cải cách hành chính",
                         "Cải cách hành chính Cải cách hành chính", "Bản in | Quay lại | A+ A A- | Đọc bài viết",
                         "Thứ 3, ngày 05/01/2021 | 08:11 AM (GMT +7)", "Lượt xem: 1510", "Chia sẻ", "1 2 3 4",
                         "Tin liên quan", "Công bố thủ tục 61/2018/NĐ-CP 16/05/2023", "Thống kê truy cập",
                         "Tổng lượt truy cập: 17737429"]),  # the list bullet is markup
    )


def test_a_site_banner_gives_way_to_the_line_before_the_date():
    page = "\n".join(["Báo Hòa Bình điện tử", "Thời sự | Chính trị | Kinh tế", "",
                       "Hòa Bình sơ kết cải cách hành chính 9 tháng năm 2022", "",
                       "Thứ Ba, 04/10/2022 | 10:05 GMT+7", BODY])
    assert clean(page) == Cleaned(
        title="Hòa Bình sơ kết cải cách hành chính 9 tháng năm 2022",
        text=BODY,
        published_line="Thứ Ba, 04/10/2022 | 10:05 GMT+7",
        header=["Báo Hòa Bình điện tử", "Thời sự | Chính trị | Kinh tế",
                "Hòa Bình sơ kết cải cách hành chính 9 tháng năm 2022", "Thứ Ba, 04/10/2022 | 10:05 GMT+7"],
        aside="Báo Hòa Bình điện tử\nThời sự | Chính trị | Kinh tế\nThứ Ba, 04/10/2022 | 10:05 GMT+7",
    )


@pytest.mark.parametrize("first_line, published_line", [
    ("Thứ năm 12/03/2026 15:47", None),  # the portal's clock: the day the page was read
    ("Chủ nhật, 06/12/2026", None),
    ("21/03/2015 - 17:58", "21/03/2015 - 17:58"),  # a date alone above the headline is the bulletin's
])
def test_the_sites_clock_on_the_first_line_is_not_the_publication_date(first_line, published_line):
    page = "\n".join([first_line, "Hotline: 024.355.63.010", "Thời sự | Kinh tế | Xã hội", "",
                       "Bình Phước xếp hạng thứ 12 về chỉ số hài lòng của người dân", "", BODY])
    cleaned = clean(page)
    assert (cleaned.title, cleaned.published_line) == (
        "Bình Phước xếp hạng thứ 12 về chỉ số hài lòng của người dân", published_line)


@pytest.mark.parametrize("stamps, published_line", [
    # the clock with its time zone, then the article's own stamp: the second
    (["Chủ nhật, 24/11/2024 06:40 (GMT+7)", "Thứ tư, 06/12/2023 10:13 (GMT+7)"], "Thứ tư, 06/12/2023 10:13 (GMT+7)"),
    (["Thứ Năm, 20/08/2020, 16:47 (GMT+7)"], "Thứ Năm, 20/08/2020, 16:47 (GMT+7)"),  # alone: the article's
])
def test_a_stamp_with_its_time_zone_is_the_sites_clock_only_above_another(stamps, published_line):
    page = "\n".join([*stamps, "", "Bình Phước xếp hạng thứ 12 về chỉ số hài lòng của người dân", "", BODY])
    assert clean(page).published_line == published_line


@pytest.mark.parametrize("controls", ["Xem với cỡ chữ : A- A A+", "- + A- A+ In"])
def test_the_line_before_the_text_size_controls_is_the_headline_not_the_section_name_above(controls):
    page = "\n".join(["TIẾP DÂN, GIẢI QUYẾT KHIẾU NẠI - TỐ CÁO", "", "Bình chọn", "Thống kê truy cập", "",
                       "Bảo Lạc đẩy mạnh công tác cải cách thủ tục hành chính", "", controls, "", BODY])
    cleaned = clean(page)
    assert (cleaned.title, cleaned.text) == ("Bảo Lạc đẩy mạnh công tác cải cách thủ tục hành chính", BODY)


@pytest.mark.parametrize("after", [[], ["-   +   A-   A+   In"]])
def test_a_headline_that_ends_with_its_date_is_the_title_and_the_date_its_publication(after):
    page = "\n".join(["Tin tức nổi bật", "",
                       "Hội nghị sơ kết công tác kiểm soát thủ tục hành chính 6 tháng đầu năm (08/07/2019)",
                       *after, BODY])
    cleaned = clean(page)
    assert (cleaned.title, cleaned.published_line, cleaned.text) == (
        "Hội nghị sơ kết công tác kiểm soát thủ tục hành chính 6 tháng đầu năm", "(08/07/2019)", BODY)


def test_list_bullets_before_the_headline_and_the_date_line_are_markup():
    page = "\n".join(["• Hội nghị trực tuyến phân tích kết quả chỉ số CCHC năm 2022",
                       "  • Thời gian đăng: 11/05/2023 10:08:49 PM", f"  • {BODY}", "",
                       "Toàn cảnh hội nghị tại điểm cầu huyện"])
    cleaned = clean(page)
    assert (cleaned.title, cleaned.published_line, cleaned.text) == (
        "Hội nghị trực tuyến phân tích kết quả chỉ số CCHC năm 2022", "Thời gian đăng: 11/05/2023 10:08:49 PM",
        f"{BODY}\n\nToàn cảnh hội nghị tại điểm cầu huyện")


def test_a_lead_sentence_before_a_late_date_line_is_not_the_title():
    page = "\n".join(["Mường Lát tổng kết công tác CCHC năm 2021", "",
                       "Ngày 28/12/2021, UBND huyện Mường Lát tổ chức hội nghị tổng kết.", "",
                       "Ngày đăng: 29/12/2021 | Tác giả: Minh Anh", BODY])
    result = clean(page)
    assert (result.title, result.published_line) == (
        "Mường Lát tổng kết công tác CCHC năm 2021", "Ngày đăng: 29/12/2021 | Tác giả: Minh Anh")


@pytest.mark.parametrize("tag", ["Thạch Hà", "• Hà Tĩnh", "TX.Hồng Lĩnh", "Huyện Can Lộc"])
def test_a_place_name_alone_above_the_headline_is_a_tag_not_the_title(tag):
    page = "\n".join([tag, "", "Người dân góp ý về vị trí trụ sở mới sau khi sáp nhập hai huyện", "",
                      "Theo đề án, huyện sẽ sắp xếp lại trụ sở làm việc của các cơ quan trong năm 2025.", BODY])
    assert clean(page).title == "Người dân góp ý về vị trí trụ sở mới sau khi sáp nhập hai huyện"


def test_a_tag_in_small_letters_above_the_headline_is_not_the_title():
    headline = "Hà Giang rút ngắn thời gian giải quyết hồ sơ đất đai còn một nửa"
    page = "\n".join(["TV& VIDEO", "", "thủ tục đất đai", "", headline, "", headline, "",
                      "Từ đầu năm, các huyện đã rút ngắn thời gian cấp giấy chứng nhận quyền sử dụng đất.", BODY])
    assert clean(page).title == headline
    assert clean(f"null {headline}\n\n{BODY}").title == headline  # a scraper's "null" is trimmed, then asked


LONG_SUBJECT = ("VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP GIỮA VĂN PHÒNG UBND TỈNH VỚI CÁC SỞ, BAN, NGÀNH; UBND CẤP "
                "HUYỆN TRONG VIỆC THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH THEO QUY ĐỊNH TẠI NGHỊ ĐỊNH SỐ 63/2010/NĐ-CP "
                "NGÀY 08/6/2010 VÀ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ CỦA CÁ NHÂN, TỔ CHỨC VỀ QUY ĐỊNH HÀNH CHÍNH "
                "THEO QUY ĐỊNH TẠI NGHỊ ĐỊNH SỐ 20/2008/NĐ-CP NGÀY 14/02/2008")


@pytest.mark.parametrize("number, subject, title", [
    ("Số: 32/2016/QĐ-UBND", "BAN HÀNH QUY CHẾ PHỐI HỢP TIẾP NHẬN HỒ SƠ THỦ TỤC HÀNH CHÍNH",
     "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ PHỐI HỢP TIẾP NHẬN HỒ SƠ THỦ TỤC HÀNH CHÍNH"),
    ("Số: 58/KH-UBND", "THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2022",
     "KẾ HOẠCH THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2022"),
    ("Số: 58/UBND-KSTT", "THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2022",  # a letter's code names no kind
     "THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2022"),
    # a subject longer than any headline, its full stop no part of it
    ("Số: 876/QĐ-UBND", LONG_SUBJECT + ".", "QUYẾT ĐỊNH " + LONG_SUBJECT),
])
def test_a_document_showing_its_subject_without_its_kind_takes_the_kind_its_number_names(number, subject, title):
    page = "\n".join(["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
                       f"{number} | Lào Cai, ngày 12 tháng 3 năm 2022 |", subject, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
                       "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", BODY])
    assert clean(page).title == title


def test_an_official_document_is_titled_by_its_kind_and_subject():
    page = "\n".join(["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "Độc lập - Tự do - Hạnh phúc", "Số: 17/KH-UBND | Ninh Bình, ngày 20 tháng 01 năm 2023", "",
                       "KẾ HOẠCH", "Cải cách hành chính năm 2023", "", BODY])
    assert clean(page) == Cleaned(
        title="KẾ HOẠCH Cải cách hành chính năm 2023",
        text=BODY,
        published_line="Số: 17/KH-UBND | Ninh Bình, ngày 20 tháng 01 năm 2023",
        header=["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Số: 17/KH-UBND | Ninh Bình, ngày 20 tháng 01 năm 2023",
                "KẾ HOẠCH", "Cải cách hành chính năm 2023"],
        aside="\n".join(["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Số: 17/KH-UBND | Ninh Bình, ngày 20 tháng 01 năm 2023",
                         "KẾ HOẠCH"]),
        numbers=["17/KH-UBND"],
    )


GROUNDS = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
           "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 112/TTr-SNV ngày 02 tháng 3 năm 2021,",
           "QUYẾT ĐỊNH:"]
ARTICLE_ONE = ("Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp tiếp nhận, giải quyết thủ tục hành chính "
               "tại Trung tâm Phục vụ hành chính công tỉnh.")


@pytest.mark.parametrize("kind_lines", [["QUYẾT ĐỊNH"], []])  # the kind printed, or only its number's code
def test_a_document_printing_no_subject_is_titled_by_its_first_article(kind_lines):
    page = "\n".join(["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
                      "Số: 412/QĐ-UBND | Lạng Sơn, ngày 09 tháng 3 năm 2021 |", *kind_lines,
                      "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", *GROUNDS, ARTICLE_ONE,
                      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."])
    cleaned = clean(page)
    assert cleaned.title == ("QUYẾT ĐỊNH Ban hành Quy chế phối hợp tiếp nhận, giải quyết thủ tục hành chính tại Trung "
                             "tâm Phục vụ hành chính công tỉnh")
    assert ARTICLE_ONE in cleaned.text  # the article stays in the text


def test_a_first_article_that_opens_a_list_names_no_subject():
    page = "\n".join(["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
                      "Số: 680/QĐ-UBND | Vĩnh Long, ngày 28 tháng 7 năm 2025 |", "QUYẾT ĐỊNH",
                      "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", *GROUNDS, "Điều 1. Công bố kèm theo Quyết định này:",
                      "- 06 thủ tục hành chính nội bộ mới ban hành trong lĩnh vực công tác văn phòng."])
    assert not clean(page).title.startswith("QUYẾT ĐỊNH Công bố")


def test_a_date_inside_a_sentence_is_not_a_date_line():
    page = f"Tổng kết năm 2022\n\nChiều ngày 23/2/2023, tại Trung tâm Hội nghị tỉnh. {BODY}"
    assert clean(page).published_line is None


def test_a_tail_marker_before_the_article_does_not_eat_it():
    page = f"Tin khác\nTiêu đề bài viết dài đủ\n{BODY}"
    assert clean(page).text == BODY


def test_a_known_title_locates_the_headline():
    page = f"Menu\nTrang chủ\nKế hoạch CCHC năm 2021\n{BODY}"
    result = clean(page, title_hint="Kế hoạch CCHC năm 2021")
    assert (result.title, result.text) == ("Kế hoạch CCHC năm 2021", BODY)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_samples_lose_their_chrome_and_keep_the_author_line(name, labels):
    label = labels[name[:-4]]
    result = clean((CORPUS / name).read_text(encoding="utf-8"))
    assert result.title == label["title"]
    for chrome in label["chrome"]:
        assert chrome not in result.text
    last_lines = {"D.L", "Vu Lan", "Nguồn: Báo cáo số 80/BC-SNV ngày 02/6/2014 của Sở Nội vụ", "Thùy Dung",
                  "Vy Thuỷ – Văn Hoan"}
    assert result.text.rsplit("\n", 1)[-1] in last_lines


def test_a_one_paragraph_bulletin_keeps_its_text():
    assert clean("Bộ phận một cửa hoạt động tốt.") == Cleaned(
        title="Bộ phận một cửa hoạt động tốt.", text="Bộ phận một cửa hoạt động tốt.", published_line=None,
        header=["Bộ phận một cửa hoạt động tốt."])


ARTICLE = f"Hội nghị sơ kết cải cách hành chính\n{BODY}"


@pytest.mark.parametrize("where, lines", [
    ("head", ["Truy cập nội dung luôn"]),
    ("head", ["Bỏ qua liên kết"]),
    ("head", ["Nhảy đến nội dung", "TV& VIDEO", "Infographic"]),
    ("head", ["Trang chủ » Tin tức » Cải cách hành chính"]),
    ("head", ["Nghiên cứu → Văn hóa - Xã hội - Môi trường"]),
    ("head", ["Đường dây nóng hỗ trợ 1900 54 54 81"]),
    ("head", ["Tin tức / Cải cách hành chính / Hoạt động"]),
    ("head", ["Cải cách hành chánh Cải cách hành chánh"]),
    ("head", ["Xem cỡ chữ"]),
    ("head", ["Quay lại Xem với cỡ chữ:"]),
    ("head", ["Đăng nhập", "Đăng ký | Đăng nhập"]),
    ("head", ["Welcome to Thai Binh Portal", "• English", "• Đường dây nóng: 0227.3831.234"]),
    ("head", ["Xuất bản thông tin", "image banner", "HÌNH ẢNH VỀ VÙNG ĐẤT TÂY BẮC"]),
    ("head", ["Hệ thống pháp luật", "Thư viện văn bản"]),
    ("head", ["Xây dựng chính quyền", "Chính trị - Xã hội Cải cách hành chính", "Hoạt động tư pháp"]),
    ("head", ["Nhiệt liệt chào mừng Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII"]),
    ("head", ["Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025"]),
    ("head", ["Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"]),
    ("head", ["Tin tức Huyện ủy Kỳ Sơn", "Tin tức - 10:47, 23/05/2025"]),
    ("head", ["Cán bộ bộ phận một cửa hướng dẫn người dân nộp hồ sơ. Ảnh: Minh Tâm"]),
    ("head", ["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN",
              "Độc lập - Tự do - Hạnh phúc"]),
    ("head", ["Skip portletPortlet Menu", "Tin tức - Sự kiện", "Skip portletPortlet Menu"]),
    ("head", ["CHUYÊN MỤC", "TÌM KIẾM", "BẢN ĐỒ", "Xem bản đồ lớn", "THỐNG KÊ", "Tổng lượt truy cập:", "Hit Counter"]),
    ("head", ["TỈNH TUYÊN QUANG | Độc lập - Tự do - Hạnh phúc |"]),
    ("head", ["Chi tiết - Huyện Mường Tè - Cổng thông tin", "Chi tiết - Huyện Mường Tè"]),
    ("body", ["IMG_20240312_091544.jpg"]),
    ("body", ["hoi-nghi-cchc (2).png", "Toan canh hoi nghi.JPEG"]),
    ("body", ["Chi tiết bài viết Tin tức"]),
    ("body", ["![]() |", "![]()", "![]() | ![](/anh/hoi-nghi.jpg)"]),  # a scraper's empty markdown images
    ("body", ["- Đã xem: 245", "- Phản hồi: 0"]),
    ("body", ["Lượt xem: 1510"]),
    ("body", ["SỐ LƯỢT TRUY CẬP", "TRUY CẬP TRONG NGÀY", "SỐ NGƯỜI ONLINE"]),  # a counter's labels, no numbers
    ("body", ["Truy cập trong tháng: 3.120", "Khách trực tuyến: 12"]),
    ("body", ["Lượt xem:  164"]),
    ("body", ["Bản in | Quay lại | A+ A A- | Đọc bài viết"]),
    ("body", ["A+ A A-"]),
    ("body", ["Chia sẻ", "Facebook", "Twitter"]),
    ("head", ["Cập nhật: 09:05, Thứ 6, 30/04/2021", "print"]),
    ("body", ["File đính kèm: Quyết định"]),
    ("body", ["Tags: cải cách hành chính, một cửa"]),
    ("body", ["1 2 3 4"]),
    ("body", ["« Trang trước", "Trang sau »"]),
    ("tail", ["Tin khác", "Hội nghị tập huấn 12/03/2020", "Tin mới 2 19/04/2021"]),
    ("tail", ["Tin liên quan", "Thông báo số 74/TB-VPCP ngày 14/3/2023    16/05/2023"]),
    ("head", ["Skip Navigation LinksCải Cách hành chính"]),
    ("head", ["Asset Publisher"]),
    ("head", ["#Chỉ số cải cách hành chính"]),
    ("tail", ["Tin đã đưa", "Xem theo ngày :"]),
    ("tail", ["Các tin khác", "Một tin 01/01/2020"]),
    ("tail", ["Bài viết liên quan", "Một bài"]),
    ("tail", ["Xem thêmThống kê truy cập", "• Đang truy cập: 116", "• Hôm nay: 6414",
              "• Tổng lượt truy cập: 17737429"]),
    ("tail", ["Liên kết Liên kết"]),
    ("tail", ["Liên kết website", "Cổng thông tin Chính phủ"]),
    ("tail", ["Ý kiến bạn đọc", "Gửi ý kiến"]),
])
def test_each_chrome_pattern(where, lines):
    title, body = ARTICLE.split("\n")
    if where == "head":
        page = [*lines, title, body]
    elif where == "body":
        page = [title, *lines, body]
    else:
        page = [title, body, *lines]
    result = clean("\n".join(page))
    assert (result.title, result.text) == (title, body)


def test_a_date_stamp_glued_before_the_lead_is_the_date_line():
    page = "\n".join(["Huyện Tân Phú rà soát thủ tục hành chính", f"14/3/2024{BODY}"])
    result = clean(page)
    assert (result.title, result.text, result.published_line) == (
        "Huyện Tân Phú rà soát thủ tục hành chính", BODY, "14/3/2024")


def test_a_scraper_date_prefix_is_split_from_the_lead():
    page = f" date 2024-03-14 {BODY}\nThanh Hà"
    result = clean(page)
    assert (result.title, result.text, result.published_line) == (BODY, "Thanh Hà", "2024-03-14")


def test_an_official_document_is_dated_by_its_header_broken_over_lines():
    page = "\n".join(["Hệ thống văn bản", "", "ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "|", "CỘNG HÒA XÃ HỘI",
                       "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------", "|",
                       "Số: 15/KH-UBND", "|", "Hà Giang, ngày 9", "tháng 01 năm 2024", "|", "", "KẾ HOẠCH",
                       "Rà soát thủ tục hành chính năm 2024", "",
                       "Căn cứ Quyết định số 12/QĐ-UBND ngày 02 tháng 01 năm 2024 của UBND tỉnh;", BODY])
    assert clean(page).published_line == "Hà Giang, ngày 9 tháng 01 năm 2024"


LEAD = "Sáng 14/9, UBND huyện Thanh Sơn công bố kết quả giải quyết hồ sơ trực tuyến 8 tháng đầu năm 2023."


def test_the_address_spells_the_headline():
    page = "\n".join(["Cụm thi đua các huyện miền núi phía Tây", "",
                       "Thanh Sơn: Công khai kết quả giải quyết hồ sơ trực tuyến", LEAD, BODY])
    url = "https://thanhson.example.gov.vn/tin-tuc/thanh-son-cong-khai-ket-qua-giai-quyet-ho-so-truc-tuyen-48213.html"
    assert clean(page, url=url) == Cleaned(
        title="Thanh Sơn: Công khai kết quả giải quyết hồ sơ trực tuyến",
        text=f"{LEAD}\n\n{BODY}",
        published_line=None,
        header=["Cụm thi đua các huyện miền núi phía Tây", "Thanh Sơn: Công khai kết quả giải quyết hồ sơ trực tuyến"],
        aside="Cụm thi đua các huyện miền núi phía Tây",
    )
    assert clean(page).title == "Cụm thi đua các huyện miền núi phía Tây"  # without the address: the first line


@pytest.mark.parametrize("url, words", [
    ("https://example.vn/xa-hoi/202305/binh-dinh-tinh-gian-bien-che-90-truong-hop-4021577/",
     {"binh", "dinh", "tinh", "gian", "bien", "che", "90", "truong", "hop"}),
    ("https://example.org.vn/?tabid=12&NDID=2278&key=Ky_Son_trien_khai_mot_cua_lien_thong",
     {"ky", "son", "trien", "khai", "mot", "cua", "lien", "thong"}),
    ("http://example.vn/Tin-tức/ID/301786/Tich-cuc-xay-dung-chinh-quyen-so",
     {"tich", "cuc", "xay", "dung", "chinh", "quyen", "so"}),
    ("https://example.vn/thoi-su/cai-cach-hanh-chinh/", set()),  # a section's address names no headline
    ("https://example.gov.vn/Default.aspx?pageid=27160&sname=ubnd", set()),
    (None, set()),
])
def test_address_words(url, words):
    assert address_words(url) == words


def test_a_sentence_or_a_list_item_spelling_the_address_is_not_the_headline():
    page = "\n".join(["- 1Quyết định 12/QĐ-UBND về giải quyết hồ sơ trực tuyến tại huyện Thanh Sơn",
                       "Thanh Sơn công khai kết quả giải quyết hồ sơ trực tuyến trên cổng dịch vụ công.", BODY])
    url = "https://example.gov.vn/thanh-son-cong-khai-ket-qua-giai-quyet-ho-so-truc-tuyen.html"
    assert clean(page, url=url).title is None
    dated = "\n".join([page.split("\n")[0], "Ngày đăng: 14/09/2023", BODY])  # nor a list item before a date
    assert clean(dated, url=url).title is None


def test_a_lead_sentence_that_a_caption_follows_stays_the_title():
    page = "\n".join([LEAD, "Lãnh đạo huyện Thanh Sơn phát biểu tại hội nghị", BODY])
    assert clean(page).title == LEAD


def test_a_legal_databases_headline_naming_the_document_yields_to_its_kind_and_subject():
    """A legal database's headline names the document it shows by kind and number: the title is the document's
    own kind and subject, also below a long table of particulars; a news headline above a document stays."""
    document = ["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 210/QĐ-UBND", "",
                "QUYẾT ĐỊNH", "Ban hành Kế hoạch cải cách hành chính năm 2022", BODY]
    headline = "Quyết định 210/QĐ-UBND năm 2022 ban hành Kế hoạch cải cách hành chính tỉnh Điện Biên"
    url = "https://example.vn/van-ban/quyet-dinh-210-qd-ubnd-nam-2022-ke-hoach-cai-cach-hanh-chinh-dien-bien.html"
    kind_and_subject = "QUYẾT ĐỊNH Ban hành Kế hoạch cải cách hành chính năm 2022"
    page = "\n".join([headline, "Số hiệu: 210/QĐ-UBND | Loại văn bản: Quyết định", *document])
    assert clean(page, url=url).title == kind_and_subject
    table = [f"Thuộc tính {n}: Đang cập nhật" for n in range(40)]
    long_page = "\n".join([headline, *table, *document])
    assert clean(long_page, url=url).title == kind_and_subject
    news = "Điện Biên ban hành kế hoạch cải cách hành chính năm 2022"
    news_url = "https://example.vn/tin-tuc/dien-bien-ban-hanh-ke-hoach-cai-cach-hanh-chinh-nam-2022.html"
    assert clean("\n".join([news, *document]), url=news_url).title == news


def test_a_part_s_heading_below_a_document_s_title_is_not_its_title_though_the_address_spells_it():
    """A decision issuing a regulation: the address spells the regulation's heading more closely than the decision's
    subject, but the heading stands below the decision's own title, which is the page's."""
    page = "\n".join(["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
                       "Số: 471/QĐ-UBND | Kon Tum, ngày 12 tháng 09 năm 2016 |",
                       "VỀ VIỆC BAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ PHÒNG, CHỐNG THIÊN TAI TỈNH KON TUM",
                       "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM",
                       "Căn cứ Luật tổ chức chính quyền địa phương ngày 19/6/2015;", BODY,
                       "VỀ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ PHÒNG, CHỐNG THIÊN TAI TỈNH KON TUM", BODY])
    url = ("https://example.vn/quyet-dinh-471-qd-ubnd-nam-2016-ve-quy-che-to-chuc-va-hoat-dong-cua-quy-phong-chong-"
           "thien-tai-tinh-kon-tum.html")
    assert clean(page, url=url).title == ("QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ PHÒNG, "
                                          "CHỐNG THIÊN TAI TỈNH KON TUM")


@pytest.mark.parametrize("headline, url, title", [
    ("Quảng Ninh dẫn đầu Chỉ số cải cách hành chính năm 2023 | Báo Quảng Ninh", "https://baoquangninh.vn/par-1.html",
     "Quảng Ninh dẫn đầu Chỉ số cải cách hành chính năm 2023"),  # the site's name, its host's label
    ("An Giang: Chỉ số PAPI năm 2018 tăng 6,92 điểm - PAPI", "https://papi.org.vn/an-giang-papi-2018/",
     "An Giang: Chỉ số PAPI năm 2018 tăng 6,92 điểm"),
    ("Kết quả cải cách hành chính năm 2020 trên địa bàn tỉnh Bà Rịa - Vũng Tàu",  # a part of a place's name
     "https://sokhcn.baria-vungtau.gov.vn/tin-1", "Kết quả cải cách hành chính năm 2020 trên địa bàn tỉnh Bà Rịa - "
     "Vũng Tàu"),
])
def test_the_sites_name_after_the_headline_is_not_part_of_it(headline, url, title):
    assert clean("\n".join([headline, BODY]), url=url).title == title


@pytest.mark.parametrize("top, title, lead", [
    # a heading in capitals run into the paragraph after it: split where the sentence begins
    ("HƯỚNG DẪN TRA CỨU THỦ TỤC HÀNH CHÍNHĐể thuận tiện cho người dân, Cổng thông tin điện tử tỉnh xây dựng chuyên "
     "mục tra cứu với hơn 1.800 thủ tục.", "HƯỚNG DẪN TRA CỨU THỦ TỤC HÀNH CHÍNH",
     "Để thuận tiện cho người dân, Cổng thông tin điện tử tỉnh xây dựng chuyên mục tra cứu với hơn 1.800 thủ tục."),
    # an abbreviation's plural is no glued sentence
    ("Công khai các TTHCs thuộc thẩm quyền giải quyết của UBND cấp xã", "Công khai các TTHCs thuộc thẩm quyền giải "
     "quyết của UBND cấp xã", None),
])
def test_a_heading_in_capitals_glued_to_its_paragraph_is_split_from_it(top, title, lead):
    cleaned = clean("\n".join(["Trang chủ", top, BODY]))
    assert (cleaned.title, cleaned.text.split("\n\n")[0] if lead else BODY in cleaned.text) == (title, lead or True)


@pytest.mark.parametrize("headline, number", [
    ("Kế hoạch số 57/KH-UBND về kiểm soát thủ tục hành chính năm 2025", "57/KH-UBND"),
    ("Phương án số 12/PA-UBND đơn giản hóa thủ tục hành chính nội bộ năm 2024", "12/PA-UBND"),  # every kind of
    ("Quy định 05/QĐ-STP về tiếp nhận hồ sơ tại bộ phận một cửa", "05/QĐ-STP"),  # document the header knows
])
def test_a_headline_naming_its_document_by_kind_and_number_gives_the_documents_own_number(headline, number):
    assert clean("\n".join([headline, BODY])).numbers == [number]


def test_a_legal_sites_long_headline_naming_the_document_by_kind_and_number_is_the_title():
    headline = ("Quyết định 412/QĐ-UBND năm 2025 công bố 12 thủ tục hành chính nội bộ (07 thủ tục hành chính nội bộ "
                "mới và 05 thủ tục hành chính nội bộ được sửa đổi, bổ sung) lĩnh vực Công tác văn phòng, Văn thư và "
                "lưu trữ nhà nước và Kiểm soát thủ tục hành chính thuộc thẩm quyền giải quyết của Văn phòng Ủy ban "
                "nhân dân tỉnh Hậu Giang")
    assert len(headline) > 300  # longer than a news headline may be
    page = "\n".join([headline, "| Số hiệu | 412/QĐ-UBND |", "| Loại văn bản | Quyết định |", BODY])
    url = "https://example.vn/van-ban/Quyet-dinh-412-QD-UBND-2025-cong-bo-thu-tuc-hanh-chinh-van-thu-Hau-Giang.html"
    assert clean(page, url=url).title == headline


def test_a_legal_sites_table_of_particulars_and_a_documents_clauses_are_never_its_headline():
    """The site's headline, then its table of the document's particulars, then the document: neither a row of the
    table (the address spells its place) nor a clause ("Căn cứ ...", which spells the issuer) is the headline."""
    headline = ("Quyết định 2689/QĐ-UBND năm 2020 công bố Danh mục thủ tục hành chính sửa đổi, bổ sung trong lĩnh "
                "vực hộ tịch thuộc thẩm quyền giải quyết của Sở Tư pháp, Ủy ban nhân dân cấp huyện và Ủy ban nhân dân "
                "cấp xã trên địa bàn tỉnh Vĩnh Long")
    page = "\n".join([headline, "Số hiệu: | 2689/QĐ-UBND | Loại văn bản: | Quyết định |",
                       "Nơi ban hành: | Tỉnh Vĩnh Long | Người ký: | Lê Quang Trung |",
                       "Ngày ban hành: | 07/10/2020 | Ngày hiệu lực: | Đang cập nhật |",
                       "ỦY BAN NHÂN DÂN |", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "Số: 2689/QĐ-UBND |",
                       "Vĩnh Long, ngày 07 tháng 10 năm 2020 |", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
                       "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 của Ủy ban nhân dân tỉnh",
                       BODY])
    cleaned = clean(page, url="https://example.vn/van-ban/quyet-dinh-2689-qd-ubnd-ban-hanh-tinh-vinh-long-nam-2020.htm")
    assert (cleaned.title, cleaned.numbers) == (headline, ["2689/QĐ-UBND"])
    long_headline = headline + " (06 thủ tục hành chính mới ban hành và 03 thủ tục hành chính được sửa đổi, bổ sung)"
    clauses = "\n".join([long_headline, "| Số hiệu | 680/QĐ-UBND |", "| Cơ quan ban hành | Tỉnh Vĩnh Long |",
                          "Căn cứ Quyết định số 01/2025/QĐ-UBND ngày 02 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh "
                          "Vĩnh Long quy định chức năng của Văn phòng", "Xét đề nghị của Chánh Văn phòng", BODY])
    title = clean(clauses, url="https://example.vn/van-ban/Quyet-dinh-680-QD-UBND-2025-cong-bo-thu-tuc-hanh-chinh-"
                               "van-phong-uy-ban-tinh-Vinh-Long-685512.html").title
    assert title is None or not title.startswith(("Căn cứ", "Xét", "|"))


def test_a_document_below_a_metadata_table_and_wrapped_over_lines():
    table = [f"Thuộc tính {n}: Đang cập nhật | Ghi chú: không" for n in range(8)]
    page = "\n".join([*table, "ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN", "-------", "|", "CỘNG HÒA XÃ HỘI",
                       "CHỦ NGHĨA VIỆT NAM", "|", "Số: 48/KH-UBND", "|", "KẾ HOẠCH", "TRIỂN",
                       "KHAI THANH TOÁN TRỰC TUYẾN PHÍ, LỆ PHÍ", "TRÊN ĐỊA BÀN TỈNH", BODY])
    assert clean(page).title == "KẾ HOẠCH TRIỂN KHAI THANH TOÁN TRỰC TUYẾN PHÍ, LỆ PHÍ TRÊN ĐỊA BÀN TỈNH"


@pytest.mark.parametrize("kind, subject, title", [
    ("QUY TRÌNH", ["THỰC", "HIỆN THÍ ĐIỂM CẤP PHIẾU LÝ LỊCH TƯ PHÁP TRỰC TUYẾN"],
     "QUY TRÌNH THỰC HIỆN THÍ ĐIỂM CẤP PHIẾU LÝ LỊCH TƯ PHÁP TRỰC TUYẾN"),  # a kind of document like any other
    ("PHƯƠNG ÁN", ["ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH NỘI BỘ"], "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH NỘI BỘ"),
    ("KẾ HOẠCH", ["ĐO LƯỜNG SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC TẠI CÁC XÃ, PHƯỜNG NĂM", "2021"],
     "KẾ HOẠCH ĐO LƯỜNG SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC TẠI CÁC XÃ, PHƯỜNG NĂM 2021"),  # its year wrapped alone
])
def test_a_document_kind_and_its_wrapped_subject(kind, subject, title):
    page = "\n".join(["ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN", "|", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "|",
                       "Số: 48/KH-UBND", "|", "Điện Biên, ngày 21", "tháng 10 năm 2021", "|", kind, *subject,
                       "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", BODY])
    assert clean(page).title == title


@pytest.mark.parametrize("top", [
    [".jpg)"], [".", ""], ["-A A +A"], ["# (CHỈ SỐ SIPAS"],
    ["Sở Nội vụ tỉnh Hà Giang"], ["Văn phòng Ủy ban nhân dân Thừa Thiên Huế"],
    ["Lãnh đạo huyện trao giấy khen cho các tập thể có thành tích trong cải cách hành chính năm 2022."],
])
def test_scraps_and_a_caption_before_the_headline_are_passed_over(top):
    title, body = ARTICLE.split("\n")
    assert clean("\n".join([*top, title, body])).title == title


@pytest.mark.parametrize("caption", ["Ảnh minh họa (Nguồn: T.L) |",
                                     "Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công tỉnh. |"])
def test_a_photo_caption_in_its_table_cell_is_never_the_headline(caption):
    assert clean("\n".join([caption, BODY])).title is None


@pytest.mark.parametrize("line", ["null Hội nghị sơ kết cải cách hành chính",
                                  "date 2023-09-14 Hội nghị sơ kết cải cách hành chính",
                                  "Hội nghị sơ kết cải cách hành chính (Lượt xem: 164)",
                                  "date 2023-09 Thời sự - Chính trị Hội nghị sơ kết cải cách hành chính",
                                  "Tin tức - Sự kiện Hội nghị sơ kết cải cách hành chính"])
def test_what_the_page_prints_around_the_headline_is_trimmed(line):
    assert clean(f"{line}\n{BODY}").title == "Hội nghị sơ kết cải cách hành chính"


def test_a_headline_opening_on_a_word_that_also_names_sections_keeps_it():
    for line in ("Kinh tế - xã hội 6 tháng đầu năm của tỉnh tăng trưởng khá", "Thời sự: cải cách hành chính ở cơ sở"):
        assert clean(f"{line}\n{BODY}").title == line


def test_the_legal_basis_a_scraped_description_runs_into_is_no_part_of_the_headline():
    line = ("Quyết định số 15/2020/QĐ-UBND ban hành Quy chế một cửa tại Trung tâm Phục vụ hành chính công tỉnh. "
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert clean(f"{line}\n{BODY}").title == ("Quyết định số 15/2020/QĐ-UBND ban hành Quy chế một cửa tại Trung tâm "
                                              "Phục vụ hành chính công tỉnh.")


@pytest.mark.parametrize("page, title", [
    # a headline printed in two lines, the first ending with a colon
    ("Thời sự - Chính trị\n\nXếp hạng chỉ số cải cách hành chính năm 2023:\n\nSở Tư pháp và UBND huyện Hòa An "
     "dẫn đầu\n\nCập nhật ngày: 14/12/2023 - 10:19\n\nNgày 12/12, UBND tỉnh Cao Bằng công bố Chỉ số cải cách hành "
     "chính năm 2023 của các sở, ngành và UBND các huyện.",
     "Xếp hạng chỉ số cải cách hành chính năm 2023: Sở Tư pháp và UBND huyện Hòa An dẫn đầu"),
    # the date and time a page prints after its headline, and a search box above it
    ("Tìm kiếm\n\nUBND xã Hòa An khánh thành Trung tâm Phục vụ hành chính công 11/08/2025 16:43\n\nNgày 11-8, UBND "
     "xã Hòa An tổ chức lễ khánh thành Trung tâm Phục vụ hành chính công sau khi hoàn thành sửa chữa.",
     "UBND xã Hòa An khánh thành Trung tâm Phục vụ hành chính công"),
    # an official document's subject ends where the line naming who issues it begins
    ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\n\nSố: 120/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nQUYẾT ĐỊNH\n\nVỀ "
     "VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP\nCHỦ TỊCH ỦY BAN NHÂN "
     "DÂN TỈNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     "QUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP"),
    # portal navigation above the headline; a date that ends the headline's own words stays
    ("Skip Ribbon Commands\n\nThư điện tử Liên hệ Sơ đồ trang\n\nGiới thiệu chung\n\nKết quả giải quyết hồ sơ "
     "tính đến ngày 13/12/2024\n\nTính đến ngày 13/12/2024, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận "
     "12.000 hồ sơ của người dân và doanh nghiệp.", "Kết quả giải quyết hồ sơ tính đến ngày 13/12/2024"),
])
def test_headline_forms_of_real_pages(page, title):
    assert clean(page).title == title


def test_a_read_aloud_widget_is_no_part_of_the_lead():
    page = ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,4%\n\nCập nhật ngày: 06/07/2024 | 08:47 GMT+7\n\nỨNG DỤNG ĐỌC BÁO "
            "TỰ ĐỘNG\n\nÂm thanh\n\nCHỌN GIỌNG ĐỌC\n\nTheo báo cáo của UBND tỉnh Cao Bằng, trong 6 tháng đầu năm 2024, "
            "toàn tỉnh có 218.763 hồ sơ yêu cầu giải quyết.")
    assert clean(page).text == ("Theo báo cáo của UBND tỉnh Cao Bằng, trong 6 tháng đầu năm 2024, toàn tỉnh có "
                                "218.763 hồ sơ yêu cầu giải quyết.")


def test_the_headline_printed_again_above_the_lead_is_not_the_lead():
    title, body = ARTICLE.split("\n")
    result = clean("\n".join(["Xuất bản thông tin", f"null {title}", "", title, "", body]))
    assert (result.title, result.text) == (title, body)
    assert title in result.aside.split("\n")  # still searchable


def test_paragraphs_above_the_headline_of_an_excerpt_opening_mid_article_stay_in_the_body():
    paragraph = ("Theo đó, trong năm 2023 toàn huyện Thanh Sơn đã tiếp nhận 12.480 hồ sơ thủ tục hành chính, giải "
                 "quyết đúng hạn 12.301 hồ sơ, đạt tỷ lệ 98,6%, cao hơn năm trước.")
    page = "\n".join(["Tin liên quan: Thanh Sơn đẩy mạnh chuyển đổi số | Hội nghị giao ban |", paragraph,
                      "Thanh Sơn: Công khai kết quả giải quyết hồ sơ trực tuyến", LEAD, BODY])
    cleaned = clean(page, url="https://thanhson.example.gov.vn/thanh-son-cong-khai-ket-qua-giai-quyet-ho-so-truc-tuyen")
    assert (cleaned.title, cleaned.text.split("\n\n"), cleaned.aside.split("\n")) == (
        "Thanh Sơn: Công khai kết quả giải quyết hồ sơ trực tuyến", [paragraph, LEAD, BODY], [page.split("\n")[0]])


@pytest.mark.parametrize("printed", [
    "【tài xỉu 2.5-3】Huyện Thanh Sơn công khai kết quả giải quyết hồ sơ trực tuyến",
    "Huyện Thanh Sơn công khai kết quả giải quyết hồ sơ trực tuyến MỚI NHẤT",
    "Dòng sự kiện:\nHuyện Thanh Sơn công khai kết quả giải quyết hồ sơ trực tuyến",
    "TIN VẮN: Huyện Thanh Sơn công khai kết quả giải quyết hồ sơ trực tuyến",  # a section's kicker
    "• image01\n• image02\nHuyện Thanh Sơn công khai kết quả giải quyết hồ sơ trực tuyến",  # image placeholders
])
def test_a_spam_tag_a_badge_and_an_event_stream_label_are_no_part_of_the_headline(printed):
    headline = "Huyện Thanh Sơn công khai kết quả giải quyết hồ sơ trực tuyến"
    assert clean("\n".join([printed, LEAD, BODY])).title == headline


def test_a_documents_subject_ends_before_the_issuing_council_and_the_first_section_heading():
    header = ["ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND", "KẾ HOẠCH"]
    plan = clean("\n".join([*header, "CHUYỂN ĐỔI SỐ TỈNH HẢI DƯƠNG NĂM 2023", "PHẦN I. KẾT QUẢ NĂM 2022", BODY]))
    council = clean("\n".join([*header[:2], "NGHỊ QUYẾT", "VỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2021",
                               "HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH", BODY]))
    assert (plan.title, council.title) == ("KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH HẢI DƯƠNG NĂM 2023",
                                           "NGHỊ QUYẾT VỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2021")


def test_a_hard_wrap_stored_escaped_is_a_space():
    wrap = "\\r\\n"  # the four characters a page holds, not a line end
    page = (f"Tổng kết công tác cải cách hành chính năm 2018\nSáng{wrap}ngày 25/6, UBND tỉnh tổ chức hội nghị. "
            f"Chỉ số{wrap}CCHC năm 2018 của tỉnh đạt 77,5 điểm.")
    result = clean(page)
    assert (result.title, result.text) == (
        "Tổng kết công tác cải cách hành chính năm 2018",
        "Sáng ngày 25/6, UBND tỉnh tổ chức hội nghị. Chỉ số CCHC năm 2018 của tỉnh đạt 77,5 điểm.")


def test_a_headline_run_into_its_lead_on_one_line_is_split_where_the_address_ends():
    """A page flattened to one line per block, the section's name, headline and lead in one: the address spells
    the headline, so the lead after it is the first paragraph and the section's name stays searchable aside."""
    headline = "Phường Tân Lập giải quyết hơn 4.500 hồ sơ trong 2 tháng đầu vận hành"
    lead = ("Sau hơn 2 tháng vận hành chính quyền hai cấp, Trung tâm phục vụ hành chính công phường Tân Lập đã tiếp "
            "nhận 4.512 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 99,1%.")
    page = "\n".join(["Tin tức", "", f"Xã hội {headline} {lead}", BODY])
    url = "https://example.vn/xa-hoi/phuong-tan-lap-giai-quyet-hon-4500-ho-so-trong-2-thang-dau-van-hanh-302117.html"
    assert clean(page, url=url) == Cleaned(title=headline, text=f"{lead}\n\n{BODY}", published_line=None,
                                           header=["Tin tức", "Xã hội", headline], aside="Tin tức\nXã hội")
    kicker = f"Đắk Lắk: {headline} {lead}"  # a kicker before the headline is the headline's own
    assert clean(kicker, url=url).title == f"Đắk Lắk: {headline}"
    assert clean(f"{headline} mới đây", url=url).title == f"{headline} mới đây"  # no lead after it: one line


def test_a_procedure_pages_field_label_is_no_part_of_its_headline():
    """A procedure database page prints its field's label before the procedure's name."""
    name = "Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị - xã hội"
    assert clean("\n".join([f"Tên thủ tục {name}", LEAD, BODY])).title == name
    assert clean("\n".join(["Tên thủ tục: Cấp", LEAD, BODY])).title != "Cấp"  # a label with too short a name left
