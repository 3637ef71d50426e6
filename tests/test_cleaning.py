import pytest

from indexer.cleaning import clean
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
                         "• Tổng lượt truy cập: 17737429"]),
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


def test_a_lead_sentence_before_a_late_date_line_is_not_the_title():
    page = "\n".join(["Mường Lát tổng kết công tác CCHC năm 2021", "",
                       "Ngày 28/12/2021, UBND huyện Mường Lát tổ chức hội nghị tổng kết.", "",
                       "Ngày đăng: 29/12/2021 | Tác giả: Minh Anh", BODY])
    result = clean(page)
    assert (result.title, result.published_line) == (
        "Mường Lát tổng kết công tác CCHC năm 2021", "Ngày đăng: 29/12/2021 | Tác giả: Minh Anh")


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
    ("head", ["Trang chủ » Tin tức » Cải cách hành chính"]),
    ("head", ["Tin tức / Cải cách hành chính / Hoạt động"]),
    ("head", ["Cải cách hành chánh Cải cách hành chánh"]),
    ("body", ["Lượt xem: 1510"]),
    ("body", ["Lượt xem:  164"]),
    ("body", ["Bản in | Quay lại | A+ A A- | Đọc bài viết"]),
    ("body", ["A+ A A-"]),
    ("body", ["Chia sẻ", "Facebook", "Twitter"]),
    ("body", ["File đính kèm: Quyết định"]),
    ("body", ["Tags: cải cách hành chính, một cửa"]),
    ("body", ["1 2 3 4"]),
    ("body", ["« Trang trước", "Trang sau »"]),
    ("tail", ["Tin khác", "Hội nghị tập huấn 12/03/2020", "Tin mới 2 19/04/2021"]),
    ("tail", ["Tin liên quan", "Thông báo số 74/TB-VPCP ngày 14/3/2023    16/05/2023"]),
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
