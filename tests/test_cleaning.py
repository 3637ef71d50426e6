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
