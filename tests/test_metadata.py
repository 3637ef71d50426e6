"""Exact metadata for every sample bulletin, and given fields overriding extraction."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.metadata import extract_metadata
from indexer.reader import read_corpus
from indexer.records import SourceRecord
from indexer.topic_model import refine
from indexer.topics import assign_topics, with_figures
from tests.conftest import CORPUS

FIELDS = ("title", "province", "province_2025", "district", "year", "quarter", "published")


@pytest.fixture(scope="module")
def bulletins():
    return {r.id: extract_metadata(r) for r in read_corpus(CORPUS)}


def test_every_sample_is_extracted(bulletins, labels):
    assert sorted(bulletins) == sorted(labels)


@pytest.mark.parametrize("doc_id", ["000_19ab6ee4ef156fa2", "001_db3e4cde8e9e11f8", "002_3240b270d685cc74",
                                    "003_a55e86e18369f327", "004_e6afc45b14d197f5"])
def test_sample_metadata_matches_labels(doc_id, bulletins, labels):
    bulletin, label = bulletins[doc_id], labels[doc_id]
    assert {f: getattr(bulletin, f) for f in FIELDS} == {f: label[f] for f in FIELDS}
    assert set(label["topics_required"]) <= set(bulletin.topics)
    assert not set(label["topics_forbidden"]) & set(bulletin.topics)
    assert set(label["refs_required"]) <= set(bulletin.refs)
    for chrome in label["chrome"]:
        assert chrome not in bulletin.text and chrome != bulletin.title


def test_refs_in_related_news_are_not_cited(bulletins):
    assert bulletins["001_db3e4cde8e9e11f8"].refs == []


def test_given_fields_override_extraction():
    record = SourceRecord(
        id="x", origin="x.jsonl:1", kind="text",
        body="Kết quả CCHC quý I/2022 tỉnh Cao Bằng\n\nTỉnh Cao Bằng đẩy mạnh cải cách thủ tục hành chính.",
        given={"province": "Sơn La", "year": 2019, "quarter": "FY", "title": "Tiêu đề khác",
               "topics": ["kiem_tra"], "url": "https://example.org/a", "published": "2019-12-31"})
    b = extract_metadata(record)
    assert (b.title, b.province, b.province_2025, b.year, b.quarter, b.topics, b.url, b.published) == (
        "Tiêu đề khác", "Sơn La", "Sơn La", 2019, "FY", ["kiem_tra"], "https://example.org/a", "2019-12-31")


def test_the_topic_classifier_settles_the_rules_topics():
    record = next(r for r in read_corpus(CORPUS) if r.id == "000_19ab6ee4ef156fa2")
    rules, settled = extract_metadata(record, classify=False), extract_metadata(record)
    assert rules.topics == with_figures(assign_topics(rules.title, rules.text), rules.figures, rules.title, rules.text)
    assert settled.topics == refine(rules.topics, rules.title, rules.text)
    assert {f: getattr(rules, f) for f in FIELDS} == {f: getattr(settled, f) for f in FIELDS}


def test_given_district_brings_its_province():
    record = SourceRecord(id="y", origin="y.txt", kind="text", given={"district": "Mộc Châu"},
                          body="Họp ban chỉ đạo CCHC\n\nHuyện tổ chức họp về cải cách thủ tục hành chính.")
    b = extract_metadata(record)
    assert (b.district, b.province, b.province_2025) == ("Mộc Châu", "Sơn La", "Sơn La")


def test_a_documents_place_and_date_line_gives_its_province():
    body = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "Số: 469/QĐ-UBND | Thừa Thiên Huế, ngày 05 tháng 3 năm 2024 |\nỦY BAN NHÂN DÂN TỈNH\n\nQUYẾT ĐỊNH\n\n"
            "BAN HÀNH QUY ĐỊNH KHẢO SÁT MỨC ĐỘ HÀI LÒNG TRONG THỰC HIỆN CƠ CHẾ MỘT CỬA\n\n"
            "(Ban hành kèm theo Quyết định số 469/QĐ-UBND ngày 05 tháng 3 năm 2024 của UBND tỉnh)\n\n"
            "1. Mục đích: đo lường sự hài lòng của người dân đối với cơ chế một cửa, một cửa liên thông.")
    b = _text(body)
    assert (b.province, b.published) == ("Thừa Thiên Huế", "2024-03-05")


def test_a_national_bodys_document_is_not_placed_in_the_capital_it_is_dated_from():
    body = ("BỘ TƯ PHÁP - BỘ\nCÔNG AN\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n|\nSố:\n412/HD-BTP\n|\n"
            "Hà Nội, ngày 14\ntháng 5 năm 2024\n|\nHƯỚNG DẪN\n"
            "THỰC HIỆN LIÊN THÔNG THỦ TỤC HÀNH CHÍNH VỀ ĐĂNG KÝ KHAI SINH\n"
            "Căn cứ Luật Hộ tịch năm 2014;\n1. Phạm vi: các cơ quan đăng ký hộ tịch và công an cấp xã trên cả nước.")
    b = _text(body)
    assert (b.title, b.province, b.published) == (
        "HƯỚNG DẪN THỰC HIỆN LIÊN THÔNG THỦ TỤC HÀNH CHÍNH VỀ ĐĂNG KÝ KHAI SINH", None, "2024-05-14")


@pytest.mark.parametrize("title, published", [
    ("Kết quả chỉ số năng lực cạnh tranh cấp tỉnh năm 2017", None),  # the page's clock, a year before the results
    ("Kế hoạch cải cách hành chính năm 2017", "2016-12-26"),  # a plan is published before its year
])
def test_a_date_line_before_the_year_whose_results_a_headline_reports_is_no_publication_date(title, published):
    body = (f"{title}\n\nThứ 2 - 26/12/2016\n\n"
            "Năm 2017, tỉnh Cao Bằng đạt 63,15 điểm, xếp hạng 26/63 tỉnh, thành phố về cải cách hành chính.")
    b = _text(body)
    assert (b.title, b.year, b.quarter, b.published) == (title, 2017, "FY", published)


def test_html_record():
    html = ("<html><head><meta name='pubdate' content='2020-03-31'>"
            "<link rel='canonical' href='https://baocaobang.vn/cchc-1'></head><body>"
            "<article><h1>Cải cách thủ tục hành chính quý I/2020</h1>"
            "<p>UBND huyện Hà Quảng đẩy mạnh một cửa liên thông, thủ tục hành chính.</p></article></body></html>")
    b = extract_metadata(SourceRecord(id="h", origin="h.html", kind="html", body=html))
    assert (b.title, b.published, b.url, b.province, b.district, b.year, b.quarter) == (
        "Cải cách thủ tục hành chính quý I/2020", "2020-03-31", "https://baocaobang.vn/cchc-1",
        "Cao Bằng", "Hà Quảng", 2020, "Q1")  # the lead names the district
    assert b.text == "UBND huyện Hà Quảng đẩy mạnh một cửa liên thông, thủ tục hành chính."


DISTRICT_PAGE = "\n".join([
    "Cổng thông tin điện tử huyện Mai Sơn",
    "Trang chủ | Tin tức | Cải cách hành chính",
    "",
    "Mai Sơn tổng kết công tác cải cách hành chính năm 2023",
    "",
    "Ngày đăng: 09/01/2024 | Người viết: Thu Hà | Lượt xem: 95",
    "",
    "Sáng 8/1, UBND huyện Mai Sơn tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai "
    "nhiệm vụ năm 2024 theo Kế hoạch số 12/KH-UBND ngày 05/01/2023.",
    "",
    "Năm 2023, huyện tiếp nhận 18.250 hồ sơ thủ tục hành chính qua bộ phận một cửa, giải quyết đúng hạn 99,6%. "
    "Tỷ lệ hồ sơ nộp trực tuyến đạt 62%. Bộ phận tiếp nhận và trả kết quả được nâng cấp.",
    "",
    "Tin liên quan",
    "Mai Sơn sơ kết công tác CCHC 6 tháng đầu năm 2023 (12/07/2023)",
])


def test_a_district_portal_bulletin():
    record = SourceRecord(id="d", origin="d.txt", kind="text", body=DISTRICT_PAGE,
                          given={"url": "https://maison.sonla.gov.vn/tin-tuc/tong-ket-cchc-2023"})
    b = extract_metadata(record)
    assert (b.title, b.published, b.province, b.district, b.year, b.quarter, b.topics, b.refs) == (
        "Mai Sơn tổng kết công tác cải cách hành chính năm 2023", "2024-01-09", "Sơn La", "Mai Sơn", 2023, "FY",
        ["thu_tuc"], ["12/KH-UBND"])


def _text(body: str, url: str | None = None):
    given = {"url": url} if url else {}
    return extract_metadata(SourceRecord(id="t", origin="t.txt", kind="text", body=body, given=given))


def test_a_month_stamp_gives_the_year_of_an_undated_excerpt():
    b = _text(" date 2021-10 Trong quý III, toàn huyện Lục Ngạn tiếp nhận 4.120 hồ sơ thủ tục hành chính, giải "
              "quyết đúng hạn 98,7%. Huyện tiếp tục rà soát, đơn giản hóa thủ tục hành chính theo kế hoạch.")
    assert (b.published, b.year, b.quarter, b.district) == (None, 2021, "Q3", "Lục Ngạn")


def test_the_date_printed_after_a_headline_is_its_publication_date():
    b = _text("Skip portletPortlet Menu\n \nTin tức - Sự kiện\nSkip portletPortlet Menu\n\n"
              "Huyện Con Cuông rà soát thủ tục hành chính thuộc thẩm quyền (03/11/2020 10:15 AM)\n\n"
              "Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, UBND huyện Con Cuông đã rà soát 45 thủ tục hành "
              "chính, kiến nghị đơn giản hóa 6 thủ tục.")
    assert (b.title, b.published, b.year, b.province) == (
        "Huyện Con Cuông rà soát thủ tục hành chính thuộc thẩm quyền", "2020-11-03", 2020, "Nghệ An")


def test_an_undated_page_takes_the_year_of_the_latest_day_it_names():
    b = _text("Kết quả bước đầu của Trung tâm Phục vụ hành chính công\n\nTrung tâm Phục vụ hành chính công "
              "tỉnh tiếp tục hướng dẫn người dân thực hiện thủ tục trên Cổng dịch vụ công.\n\nCán bộ tại quầy "
              "hướng dẫn tận tình, không để người dân phải đi lại nhiều lần.\n\nTính từ ngày 01/7 "
              "đến ngày 25/7/2025, Trung tâm đã tiếp nhận 2.150 hồ sơ theo Nghị định số 118/2025/NĐ-CP ngày "
              "09/6/2025 của Chính phủ.")
    assert (b.published, b.year) == (None, 2025)


def test_a_plan_known_by_its_number_plans_the_year_its_subject_names():
    header = ("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: {number} | Tuyên Quang, ngày 15 tháng 01 năm 2023 |\n"
              "TRUYỀN THÔNG CẢI CÁCH HÀNH CHÍNH NĂM 2023\n\nNhằm nâng cao nhận thức của cán bộ, công chức và "
              "người dân về cải cách hành chính, UBND tỉnh ban hành nội dung tuyên truyền như sau.")
    plan, decision = (_text(header.format(number=number)) for number in ("12/KH-UBND", "12/QĐ-UBND"))
    assert (plan.title, plan.year, plan.quarter, plan.published) == (
        "TRUYỀN THÔNG CẢI CÁCH HÀNH CHÍNH NĂM 2023", 2023, "FY", "2023-01-15")
    assert (decision.year, decision.quarter) == (2023, None)
    # the header's two columns on shared lines: the national motto is no headline either
    columns = _text(header.format(number="12/KH-UBND").replace(
        "\nTỈNH TUYÊN QUANG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------",
        " | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH TUYÊN QUANG | Độc lập - Tự do - Hạnh phúc |"))
    assert (columns.title, columns.quarter) == (plan.title, "FY")


def test_a_legal_sites_list_of_related_documents_is_not_the_title():
    b = _text("- 1Nghị định 63/2010/NĐ-CP về kiểm soát thủ tục hành chính\n"
              "- 2Thông tư 02/2017/TT-VPCP hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính\n"
              "Ngày 12/4/2019, UBND tỉnh Hưng Yên ban hành quyết định công bố 45 thủ tục hành chính mới thuộc thẩm "
              "quyền giải quyết của Sở Tư pháp.")
    assert (b.title, b.year, b.refs) == (
        "Ngày 12/4/2019, UBND tỉnh Hưng Yên ban hành quyết định công bố 45 thủ tục hành chính mới thuộc thẩm "
        "quyền giải quyết…", 2019, ["63/2010/NĐ-CP", "02/2017/TT-VPCP"])


PIECES = [*"aăâđêôơư á à ả ã ạ 0123456789/-:|,.\n", "tháng", "năm", "ngày", "huyện ", "tỉnh ", "Sơn La", "quý I",
          "Ngày đăng:", "CCHC", "thủ tục hành chính", "Số: 1/KH-UBND"]


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=60))
def test_extraction_never_fails_on_odd_text(pieces):
    result = _text("".join(pieces))
    assert result.__class__.__name__ in ("Bulletin", "Skipped")


def test_the_address_of_a_record_places_its_headline():
    body = ("Cụm thi đua các huyện miền núi phía Tây\n\nThanh Sơn: Công khai kết quả giải quyết hồ sơ trực tuyến\n\n"
            "Sáng 14/9, UBND huyện Thanh Sơn công bố kết quả giải quyết hồ sơ trực tuyến 8 tháng đầu năm 2023.")
    url = "https://thanhson.example.gov.vn/tin-tuc/thanh-son-cong-khai-ket-qua-giai-quyet-ho-so-truc-tuyen-48213.html"
    record = SourceRecord(id="t", origin="t.txt", kind="text", body=body, given={"url": url})
    assert extract_metadata(record).title == "Thanh Sơn: Công khai kết quả giải quyết hồ sơ trực tuyến"



def test_a_page_opening_on_a_scrap_and_a_list_is_titled_by_its_first_headline_like_line():
    """No headline found: the title is the first line that is no list item, scrap or agency banner."""
    body = "\n\n".join(["# (CHỈ SỐ SIPAS", "• Kết quả Chỉ số hài lòng năm 2023 của tỉnh", "Sở Nội vụ tỉnh Hà Giang",
                        "Kết quả Chỉ số hài lòng năm 2023 của tỉnh",
                        "Sáng 17/4, Ban Chỉ đạo công bố Chỉ số hài lòng của người dân năm 2023."])
    assert _text(body).title == \
        "Kết quả Chỉ số hài lòng năm 2023 của tỉnh"
