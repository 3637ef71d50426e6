"""indexer.figures: the figures bulletins report, on bulletins written for these tests in the style portals
publish (long news sentences), asserted as whole row lists; the number formats; what is left out."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from indexer.figure_cues import _CLAUSE_AFTER, _NOUN_PHRASE
from indexer.figure_text import _SENTENCE
from indexer.figures import Context, extract_figures, figures_of, sentences

CAO_BANG_Q1 = Context(province="Cao Bằng", district=None, year=2024, period="Q1")

REPORT = (
    "Theo báo cáo của Văn phòng UBND tỉnh, trong quý I năm 2024, Trung tâm Phục vụ hành chính công tỉnh và bộ "
    "phận một cửa các cấp trên địa bàn tỉnh đã tiếp nhận 12.345 hồ sơ, đã giải quyết 12.000 hồ sơ, trong đó "
    "giải quyết đúng hạn và trước hạn 11.900 hồ sơ (đạt 99,2%), quá hạn 100 hồ sơ, nguyên nhân chủ yếu do phải "
    "xác minh thực địa.\n\n"
    "Tỷ lệ hồ sơ tiếp nhận trực tuyến trong quý đạt 45,6%, tăng 10% so với cùng kỳ năm 2023, cho thấy người "
    "dân ngày càng quen với việc nộp hồ sơ qua Cổng Dịch vụ công quốc gia.\n\n"
    "Riêng UBND huyện Bảo Lạc đã tiếp nhận 1.439 hồ sơ, giải quyết đúng hạn 1.420 hồ sơ, không để xảy ra "
    "tình trạng hồ sơ bị trả lại mà không rõ lý do.")


def _row(indicator, value, unit, period, year, scope, level, span, text):
    start, end = span
    return {"indicator": indicator, "value": value, "unit": unit, "period": period, "year": year, "scope": scope,
            "scope_level": level, "start": start, "end": end, "sentence": text[start:end]}


def test_a_quarterly_report_gives_each_figure_with_its_sentence():
    spans = sentences(REPORT)
    first, second, third = spans
    assert REPORT[first[0]:first[1]].endswith("xác minh thực địa.")
    province = ("Cao Bằng", "province")
    assert extract_figures(REPORT, CAO_BANG_Q1) == [
        _row("dossiers_received", 12345.0, "count", "Q1", 2024, *province, first, REPORT),
        _row("dossiers_resolved", 12000.0, "count", "Q1", 2024, *province, first, REPORT),
        _row("dossiers_on_time", 11900.0, "count", "Q1", 2024, *province, first, REPORT),
        _row("dossiers_on_time", 99.2, "%", "Q1", 2024, *province, first, REPORT),
        _row("dossiers_late", 100.0, "count", "Q1", 2024, *province, first, REPORT),
        _row("dossiers_online", 45.6, "%", "Q1", 2024, *province, second, REPORT),  # not the 10% change
        _row("dossiers_received", 1439.0, "count", "Q1", 2024, "Bảo Lạc", "district", third, REPORT),
        _row("dossiers_on_time", 1420.0, "count", "Q1", 2024, "Bảo Lạc", "district", third, REPORT),
    ]


INDEX_NEWS = (
    "Ngày 18/3/2024, UBND tỉnh Sơn La tổ chức hội nghị công bố kết quả xếp hạng Chỉ số cải cách hành chính "
    "năm 2023 của các sở, ban, ngành và UBND các huyện, thành phố.\n\n"
    "Theo kết quả do Bộ Nội vụ công bố, Chỉ số cải cách hành chính năm 2023 của tỉnh Sơn La đạt 85,12 điểm, "
    "xếp thứ 15/63 tỉnh, thành phố, tăng 3 bậc so với năm 2022.\n\n"
    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm "
    "2023 của tỉnh đạt 82,5%, cao hơn mức bình quân chung của cả nước.\n\n"
    "Hiện toàn tỉnh có 1.234 dịch vụ công trực tuyến toàn trình và 567 dịch vụ công trực tuyến một phần được "
    "cung cấp trên Cổng Dịch vụ công của tỉnh.\n\n"
    "Từ ngày 01/01 đến 15/8/2023, các cơ quan, đơn vị trên địa bàn tỉnh đã tiếp nhận 59,72 ngàn hồ sơ, trong "
    "đó có nhiều hồ sơ liên thông giữa cấp tỉnh và cấp huyện.")


def test_index_scores_ranks_services_and_a_span_of_days():
    _, par, sipas, services, span = sentences(INDEX_NEWS)
    son_la = ("Sơn La", "province")
    context = Context(province="Sơn La", district=None, year=2023, period="FY")
    assert extract_figures(INDEX_NEWS, context) == [
        _row("par_index_score", 85.12, "score", "FY", 2023, *son_la, par, INDEX_NEWS),
        _row("par_index_rank", 15.0, "rank", "FY", 2023, *son_la, par, INDEX_NEWS),
        _row("sipas", 82.5, "%", "FY", 2023, *son_la, sipas, INDEX_NEWS),
        # services counted "hiện" exist at a date: no period, the year only
        _row("online_services_full", 1234.0, "count", None, 2023, *son_la, services, INDEX_NEWS),
        _row("online_services_partial", 567.0, "count", None, 2023, *son_la, services, INDEX_NEWS),
        _row("dossiers_received", 59720.0, "count", "range:2023-01-01..2023-08-15", 2023, *son_la, span,
             INDEX_NEWS),
    ]


def test_the_sentence_period_and_year_win_over_the_bulletin():
    text = ("Trong 6 tháng đầu năm 2023, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 8.020 hồ sơ, "
            "tất cả đều được xử lý theo đúng quy trình một cửa liên thông.")
    rows = extract_figures(text, CAO_BANG_Q1)
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in rows] == [
        ("dossiers_received", 8020.0, "H1", 2023)]


@pytest.mark.parametrize("sentence", [
    "Năm 2022, tỉnh tiếp nhận 10.000 hồ sơ, năm 2023 tiếp nhận 12.000 hồ sơ, tăng nhanh qua từng năm.",  # two years
    "Trong tháng 4 và tháng 5/2024, trên địa bàn đã tiếp nhận 800 hồ sơ trực tuyến, phần lớn là hộ tịch.",  # 2 months
    "Từ tháng 7/2018 đến nay, Trung tâm đã tiếp nhận 8.000 hồ sơ của người dân và doanh nghiệp.",  # since a month
    "Huyện Hòa An và huyện Bảo Lạc đã tiếp nhận tổng cộng 3.000 hồ sơ trong quý I năm 2024.",  # two places
    "Xã Quang Trung và xã Hồng Việt đã tiếp nhận 300 hồ sơ, tất cả được trả kết quả đúng hẹn.",  # two communes
    "Tại xã Quang Trung, huyện Hòa An đã tiếp nhận 300 hồ sơ trong quý I.",  # a commune and a district
    "Trung tâm đã tiếp nhận và giải quyết 2.500 hồ sơ, bảo đảm đúng quy trình, công khai, minh bạch.",  # two cues
    "Trong quý, Trung tâm đã tiếp nhận, giải quyết trên 2.500 hồ sơ của người dân và doanh nghiệp.",  # listed
    "Trong thời gian tới, tỉnh phấn đấu 100% hồ sơ được giải quyết đúng hạn theo quy định.",  # a target
    "Trong quý, mỗi xã phấn đấu tiếp nhận từ 1.000 hồ sơ trở lên qua dịch vụ công trực tuyến.",  # a threshold
    "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của các cấp là 2.131 thủ tục.",  # not dossiers
    "Toàn tỉnh hiện cung cấp 1.012 dịch vụ công trực tuyến mức độ 3, 4 cho người dân và doanh nghiệp.",  # 3 and 4
    "Năm nay tỉnh đặt mục tiêu 100% thủ tục đủ điều kiện; tỷ lệ hồ sơ trực tuyến đạt trên 30%.",  # targets
    "Trong quý, tỷ lệ hồ sơ trễ hạn của Bộ phận một cửa chỉ dưới 1%, chủ yếu thuộc lĩnh vực đất đai.",  # a bound
    "Các cơ quan đã gửi thư xin lỗi đối với 100% hồ sơ trễ hạn trong kỳ báo cáo.",  # apologies, not lateness
    "Cùng thời gian, UBND cấp huyện đã giải quyết 72.190 hồ sơ, phần lớn thuộc lĩnh vực đất đai.",  # a tier
    "Từ năm 2019-2023, UBND tỉnh đã ban hành 280 quyết định công bố 6.400 thủ tục hành chính ở 3 cấp.",  # years
    "Giai đoạn 2016 - 2020, tỷ lệ hồ sơ được giải quyết đúng hạn trung bình đạt 98,5%.",  # a span of years
    "Trung bình chỉ số CCHC của tỉnh Cao Bằng qua 4 năm đạt 81,76 điểm.",  # an index averaged over years
    "Trong quý I, lũy kế đã và đang giải quyết trong kỳ là 16.200 hồ sơ của tổ chức, cá nhân.",  # in progress
    "Trong quý I, số hồ sơ đến hạn giải quyết là 14.100 hồ sơ, chủ yếu thuộc lĩnh vực đất đai.",  # falling due
    "Trong quý I, 9 sở có tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 99%.",  # a threshold units meet
    "Trong quý I, có 5/9 huyện, thành phố đạt tỷ lệ hồ sơ trễ hạn dưới 3%.",  # the same, as a share of units
    "Trong quý I, có 12 cơ quan, đơn vị trả kết quả giải quyết TTHC đúng hạn đạt 100%.",  # units past a comma
    "Trong quý I, 3/17 sở, ban, ngành đạt tỷ lệ tiếp nhận hồ sơ trực tuyến trên 90%.",  # "sở, ban, ngành"
    "Trong quý I, tỷ lệ hồ sơ tiếp nhận trực tuyến của tỉnh vượt 13,3% chỉ tiêu được giao.",  # of a target
    "Trong quý I, tỷ lệ hồ sơ được tiếp nhận trực tuyến đạt 96% kế hoạch năm.",  # of a plan
])
def test_unclear_figures_are_left_out(sentence):
    assert extract_figures(sentence, CAO_BANG_Q1) == []


MONTHLY = (
    "Theo báo cáo của Trung tâm Phục vụ hành chính công tỉnh, trong tháng 5/2024, Trung tâm đã tiếp nhận 3.210 "
    "hồ sơ, trong đó hồ sơ nộp trực tuyến chiếm 61,4%.\n\n"
    "Việc tiếp nhận và giải quyết TTHC từ ngày 1 đến 30-6 gồm: hồ sơ tiếp nhận qua dịch vụ công trực tuyến là: "
    "58,2%. Trong đó, số hồ sơ giải quyết và trả kết quả đúng, trước hạn là 96,05%.\n\n"
    "Từ ngày 01/01 đến ngày 31/3/2024, toàn tỉnh tiếp nhận 40.112 hồ sơ, tăng so với cùng kỳ.")


def test_the_numbers_of_a_scale_are_no_scores():
    text = ("Năm 2023, Chỉ số cải cách hành chính của tỉnh Cao Bằng đạt 86,40 điểm trên thang điểm 100.\n\n"
            "Chỉ số được chấm theo thang điểm 100 điểm, gồm điểm thẩm định (62 điểm) và điểm điều tra (38 điểm).")
    assert [(r["indicator"], r["value"], r["year"], r["scope"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("par_index_score", 86.4, 2023, "Cao Bằng")]


def test_a_commune_named_alone_is_the_scope_of_its_sentences_figures():
    text = ("Trong quý I, UBND xã Quang Trung đã tiếp nhận 300 hồ sơ, tất cả đều được trả kết quả đúng hẹn cho người "
            "dân.\n\nNăm 2023, Phường Sông Hiến xếp thứ 3/12 phường về Chỉ số cải cách hành chính với tổng số điểm là "
            "86,40/100 điểm.\n\nToàn tỉnh tiếp nhận 41.200 hồ sơ.")
    assert [(r["indicator"], r["value"], r["year"], r["scope"], r["scope_level"])
            for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 300.0, 2024, "xã Quang Trung", "commune"),
        ("par_index_rank", 3.0, 2023, "phường Sông Hiến", "commune"),
        ("par_index_score", 86.4, 2023, "phường Sông Hiến", "commune"),
        ("dossiers_received", 41200.0, 2024, "Cao Bằng", "province")]


def test_a_month_and_spans_that_are_whole_periods_are_named_so():
    month, span, also, quarter = sentences(MONTHLY)
    center = ("Trung tâm Phục vụ hành chính công", "agency")
    province = ("Cao Bằng", "province")
    assert extract_figures(MONTHLY, CAO_BANG_Q1) == [
        _row("dossiers_received", 3210.0, "count", "month:2024-05", 2024, *center, month, MONTHLY),
        _row("dossiers_online", 61.4, "%", "month:2024-05", 2024, *center, month, MONTHLY),
        _row("dossiers_online", 58.2, "%", "month:2024-06", 2024, *province, span, MONTHLY),
        _row("dossiers_on_time", 96.05, "%", "month:2024-06", 2024, *province, also, MONTHLY),
        _row("dossiers_received", 40112.0, "count", "Q1", 2024, *province, quarter, MONTHLY),
    ]


def test_figures_of_one_named_day_have_that_day_as_their_period():
    text = ("Trong ngày 2/3/2024, ngày đầu tiên vận hành hệ thống mới, các sở, ngành và UBND các xã trên địa bàn "
            "tỉnh Cao Bằng đã tiếp nhận 860 hồ sơ, trong đó 812 hồ sơ trực tuyến.")
    day = "range:2024-03-02..2024-03-02"
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 860.0, day, 2024), ("dossiers_online", 812.0, day, 2024)]


def test_an_approximate_figure_keeps_the_number_stated():
    sentence = "Trong quý, Trung tâm đã tiếp nhận hơn 1.000 hồ sơ của người dân và doanh nghiệp."
    assert [(r["indicator"], r["value"]) for r in extract_figures(sentence, CAO_BANG_Q1)] == [
        ("dossiers_received", 1000.0)]


def test_no_province_or_no_year_leaves_figures_out():
    sentence = "Trung tâm Phục vụ hành chính công đã tiếp nhận 1.200 hồ sơ của người dân và doanh nghiệp."
    assert extract_figures(sentence, Context(None, None, 2024, "Q1")) == []
    assert extract_figures(sentence, Context("Cao Bằng", None, None, None)) == []
    assert [r["period"] for r in extract_figures(sentence, Context("Cao Bằng", None, 2024, "FY"))] == ["FY"]
    assert len(extract_figures(sentence, CAO_BANG_Q1)) == 1


def test_a_count_over_a_span_that_no_one_states_is_left_out_and_a_count_to_a_date_or_of_services_kept():
    """Dossiers handled and procedures published are counted over a span: with no period in their sentence,
    paragraph or bulletin, a research table has no column for them; a count "tính đến" a day has its year, and
    services counted "hiện nay" exist at a date."""
    undated = Context("Cao Bằng", None, 2024, None)
    assert extract_figures("Trung tâm Phục vụ hành chính công đã tiếp nhận 1.200 hồ sơ của người dân và doanh "
                           "nghiệp, giải quyết đúng hạn đạt 99,5%.", undated) == []
    assert extract_figures("UBND tỉnh đã công bố 1.850 thủ tục hành chính thuộc thẩm quyền giải quyết của các "
                           "cấp chính quyền.", undated) == []
    kept = extract_figures("Tính đến ngày 15/6/2024, Trung tâm Phục vụ hành chính công đã tiếp nhận 1.200 hồ sơ "
                           "trực tuyến. Hiện nay, tỉnh cung cấp 365 dịch vụ công trực tuyến toàn trình.", undated)
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in kept] == [
        ("dossiers_online", 1200.0, None, 2024), ("online_services_full", 365.0, None, 2024)]
    year_end = extract_figures("Tính đến cuối năm 2023, Cổng dịch vụ công của tỉnh cung cấp trên 1.500 dịch vụ công; "
                               "tỷ lệ hồ sơ trực tuyến đạt gần 96%.", Context("Cao Bằng", None, 2023, "FY"))
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in year_end] == [
        ("dossiers_online", 96.0, None, 2023)]  # a share to a year's end, not the year's


def test_services_a_province_is_providing_are_counted_at_a_date():
    text = ("Là địa phương đẩy mạnh cải cách thủ tục hành chính, hiện Cao Bằng đang cung cấp 1.421 dịch vụ công "
            "trực tuyến mức độ 4, hoàn thành mục tiêu đưa dịch vụ công đủ điều kiện lên mức độ 4 trong năm 2021.")
    year = Context(province="Cao Bằng", district=None, year=2021, period="FY")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, year)] == [
        ("online_services_level4", 1421.0, None, 2021)]


def test_a_district_bulletin_scopes_to_its_district_only_when_the_sentence_says_so():
    context = Context(province="Cao Bằng", district="Bảo Lạc", year=2024, period="Q1")
    said = "Trong quý, UBND huyện đã tiếp nhận 640 hồ sơ, giải quyết đúng hạn 100% số hồ sơ đến hạn."
    unsaid = "Trong quý, Bộ phận một cửa đã tiếp nhận 640 hồ sơ của người dân và doanh nghiệp."
    assert [(r["scope"], r["scope_level"], r["value"]) for r in extract_figures(said, context)] == [
        ("Bảo Lạc", "district", 640.0), ("Bảo Lạc", "district", 100.0)]
    assert extract_figures(unsaid, context) == []
    quarter = Context(province="Hà Nội", district="Long Biên", year=2024, period="FY")  # in a city-province,
    assert extract_figures("Năm 2024, Thành phố tiếp nhận 1.200.000 hồ sơ.", quarter) == []  # "Thành phố" is the city
    assert [(r["value"], r["scope"]) for r in extract_figures("Năm 2024, UBND quận tiếp nhận 12.400 hồ sơ.",
                                                              quarter)] == [(12400.0, "Long Biên")]
    bare = Context(province="Thanh Hóa", district="Hoằng Hóa", year=2023, period="FY",
                   title="Hoằng Hóa xếp thứ 2 về chỉ số cải cách hành chính các huyện năm 2023")
    named = "Riêng trong năm 2022, Hoằng Hoá cũng xếp ở vị trí thứ 2, với 92,14%."  # its bare name, old tone marks
    assert [(r["indicator"], r["value"], r["year"], r["scope"]) for r in extract_figures(named, bare)] == [
        ("par_index_rank", 2.0, 2022, "Hoằng Hóa"), ("par_index_score", 92.14, 2022, "Hoằng Hóa")]


def test_a_unit_named_in_the_figures_own_clause_is_its_scope():
    sentence = ("Theo kết quả Chỉ số cải cách hành chính năm 2023 của các sở, ngành và UBND các huyện do tỉnh công "
                "bố, huyện Bảo Lạc đạt 84,5 điểm, xếp loại tốt.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"], r["period"], r["year"])
            for r in extract_figures(sentence, CAO_BANG_Q1)] == [
        ("par_index_score", 84.5, "Bảo Lạc", "district", "FY", 2023)]


def test_a_centre_abbreviated_is_the_scope_with_its_name_written_out():
    sentence = "Trong quý I/2024, Trung tâm HCC Cao Bằng đã tiếp nhận 1.200 hồ sơ của người dân và doanh nghiệp."
    assert [(r["scope"], r["scope_level"], r["value"]) for r in extract_figures(sentence, CAO_BANG_Q1)] == [
        ("Trung tâm Hành chính công Cao Bằng", "agency", 1200.0)]


def test_a_rank_after_another_index_is_not_the_previous_index_rank():
    sentence = ("Chỉ số PAPI năm 2023 xếp hạng 12/63 tỉnh, thành phố; PCI xếp thứ 20/63, tăng 3 bậc so với năm "
                "trước.")
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    assert [(r["indicator"], r["value"]) for r in extract_figures(sentence, context)] == [("papi_rank", 12.0)]


def test_dossiers_asking_to_be_resolved_are_dossiers_received():
    sentence = "Trong quý I/2024, toàn tỉnh có 45.120 hồ sơ yêu cầu giải quyết về thủ tục hành chính."
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(sentence, CAO_BANG_Q1)] == [
        ("dossiers_received", 45120.0, "Q1")]


def test_dossiers_carried_out_online():
    sentence = ("Trong quý I năm 2024, có gần 7.580 hồ sơ dịch vụ công được thực hiện trực tuyến, 1.250 thủ tục được "
                "thực hiện trực tuyến toàn trình.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(sentence, CAO_BANG_Q1)] == [
        ("dossiers_online", 7580.0), ("online_services_full", 1250.0)]  # procedures are services, not dossiers


def test_a_bracketed_figure_after_a_unit_named_past_a_tier_is_the_units():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Đơn vị có Chỉ số cải cách hành chính năm 2023 thấp nhất khối huyện, thành phố là huyện Bảo Lạc (81,20%). "
            "Khối huyện, thành phố đạt bình quân 86,40%.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 81.2, "Bảo Lạc", "district")]  # the tier's average is no figure of one unit


def test_the_numerals_of_a_ranking_list_are_places():
    context = Context(province="Hà Tĩnh", district=None, year=2023, period="FY")
    text = ("Theo đó, đối với khối sở, ban, ngành, Chỉ số cải cách hành chính bình quân đạt 84,20%, trong đó có 4 đơn "
            "vị xếp ở nhóm đầu lần lượt là: (1) Sở Tư pháp đạt 91,15%, Sở Nội vụ đạt 91,15%, (3) Sở Xây dựng đạt "
            "90,40%, (4) Văn phòng UBND tỉnh đạt 89,75%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_rank", 1.0, "Sở Tư pháp"), ("par_index_score", 91.15, "Sở Tư pháp"),
        ("par_index_score", 91.15, "Sở Nội vụ"), ("par_index_rank", 3.0, "Sở Xây dựng"),
        ("par_index_score", 90.4, "Sở Xây dựng"),
        ("par_index_rank", 4.0, "Văn phòng UBND"), ("par_index_score", 89.75, "Văn phòng UBND")]
    tasks = ("Năm 2023, Chỉ số cải cách hành chính của tỉnh đạt 84,20%; các nhiệm vụ: (1) Sở Nội vụ tham mưu kế "
             "hoạch, (2) Sở Tư pháp rà soát văn bản.")  # an item's numeral outside a ranking is no place
    assert [(r["indicator"], r["value"]) for r in extract_figures(tasks, context)] == [("par_index_score", 84.2)]


def test_a_general_department_of_a_ministry_needs_no_province():
    national = Context(None, None, 2016, "FY")
    text = ("Cụ thể, đối với các đơn vị khối Tổng cục, Tổng cục Thuế đứng đầu với điểm Chỉ số cải cách hành chính là "
            "97,20; đứng cuối là Tổng cục Dự trữ Nhà nước (94,10 điểm).")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, national)] == [
        ("par_index_score", 97.2, "Tổng cục Thuế", "agency"),
        ("par_index_score", 94.1, "Tổng cục Dự trữ Nhà nước", "agency")]


def test_units_listed_after_an_average_and_trong_do_take_the_lead_s_index():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Chỉ số cải cách hành chính năm 2023 của 19 sở, ngành trung bình đạt khoảng 80% trở lên, trong đó cao nhất "
            "là Sở Tư pháp (91,40%), Văn phòng UBND tỉnh (90,85%).")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 91.4, "Sở Tư pháp"), ("par_index_score", 90.85, "Văn phòng UBND")]
    parts = "Năm 2023, toàn tỉnh đã giải quyết 9.500 hồ sơ, trong đó 120 hồ sơ trễ hạn."  # no unit: still parts
    assert [(r["indicator"], r["value"]) for r in extract_figures(parts, context)] == [
        ("dossiers_resolved", 9500.0), ("dossiers_late", 120.0)]


def test_a_list_of_years_gives_each_item_its_year():
    context = Context(province="Cao Bằng", district="Hòa An", year=2023, period="FY")
    text = ("Chỉ số cải cách hành chính của huyện Hòa An tăng qua từng năm: năm 2021 xếp loại khá, với 78,40 điểm; năm "
            "2022 xếp loại tốt, với 82,15 điểm; năm 2023 xếp loại tốt, với 85,02 điểm.")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 78.4, "FY", 2021), ("par_index_score", 82.15, "FY", 2022),
        ("par_index_score", 85.02, "FY", 2023)]


def test_a_sentence_opening_on_a_year_gives_its_paragraph_s_figures_that_year():
    context = Context(province="Tiền Giang", district="Cai Lậy", year=2020, period=None)
    text = ("Trong năm 2020, công tác cải cách hành chính ở huyện tiếp tục được quan tâm. Cụ thể, toàn huyện tiếp "
            "nhận 59.070 hồ sơ, trong đó trả kết quả giải quyết đúng hạn 58.673 hồ sơ (đạt 99,3%).\n\n"
            "Bên cạnh đó, huyện tiếp nhận 1.200 hồ sơ trực tuyến.")  # another paragraph: no period stated
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 59070.0, "FY", 2020), ("dossiers_on_time", 58673.0, "FY", 2020),
        ("dossiers_on_time", 99.3, "FY", 2020)]


def test_the_words_after_a_count_win_over_a_cue_of_an_earlier_clause():
    sentence = ("Trong quý I/2024, tỉnh đã giải quyết 9.800 hồ sơ. Đáng chú ý, trong số hồ sơ đã giải quyết, có tới "
                "hơn 120 hồ sơ bị trễ hạn.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(sentence, CAO_BANG_Q1)] == [
        ("dossiers_resolved", 9800.0), ("dossiers_late", 120.0)]


@pytest.mark.parametrize("sentence, expected", [
    # the words after a resolved count narrow it, in its own clause too
    ("Trong quý I/2024, tỉnh tiếp nhận 9.000 hồ sơ, trong đó đã giải quyết 8.650 hồ sơ đúng hạn.",
     [("dossiers_received", 9000.0), ("dossiers_on_time", 8650.0)]),
    ("Trong quý I/2024, tỉnh đã giải quyết 35 hồ sơ quá hạn.", [("dossiers_late", 35.0)]),
])
def test_the_words_after_a_resolved_count_narrow_it(sentence, expected):
    assert [(r["indicator"], r["value"]) for r in extract_figures(sentence, CAO_BANG_Q1)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Năm 2024, huyện đã giải quyết đúng và trước thời hạn 4.990 hồ sơ, đạt tỷ lệ 99,8%.",
     [("dossiers_on_time", 4990.0), ("dossiers_on_time", 99.8)]),
    ("Năm 2024, Trung tâm có 4.990 hồ sơ được giải quyết trước và đúng thời hạn.", [("dossiers_on_time", 4990.0)]),
    # "trước thời hạn" alone is the early part, and beside it "đúng hạn" is the rest: no total of either
    ("Hồ sơ đã có kết quả giải quyết là 5.676 hồ sơ, trong đó: 3.731 hồ sơ có kết quả trước thời hạn; 1.878 hồ sơ "
     "có kết quả đúng hạn.", [("dossiers_resolved", 5676.0)]),
])
def test_on_time_and_early_worded_with_thoi_han(sentence, expected):
    assert [(r["indicator"], r["value"]) for r in extract_figures(sentence, CAO_BANG_Q1)] == expected


def test_an_agency_ranked_first_is_the_scope_and_a_par_index_share_wins_over_its_points():
    context = Context(province="Tuyên Quang", district=None, year=2022, period="FY")
    first = ("Theo đó, Sở Tư pháp đứng đầu về chỉ số cải cách hành chính với tổng điểm các lĩnh vực là 62,62 điểm, "
             "chỉ số cải cách hành chính đạt 94,49%.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(first, context)] == [
        ("par_index_score", 94.49, "Sở Tư pháp", "agency")]
    ratio = ("UBND tỉnh công bố Chỉ số cải cách hành chính năm 2022 của các sở, ngành. Theo đó, Sở Tư pháp đạt 91,20 "
             "điểm, tỷ lệ chỉ số đạt 93,15%, xếp loại tốt.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(ratio, context)] == [
        ("par_index_score", 93.15, "Sở Tư pháp")]  # the index's share ("tỷ lệ chỉ số"), not its raw points


def test_a_rank_out_of_the_provinces_is_in_the_index_named_after_them():
    context = Context(province="Hà Nội", district=None, year=2023, period="FY")
    sentence = ("Năm 2023, thành phố Hà Nội xếp thứ 3/63 tỉnh, thành phố trực thuộc Trung ương về chỉ số cải cách "
                "hành chính (PAR INDEX), đạt 91,43%.")
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract_figures(sentence, context)] == [
        ("par_index_rank", 3.0, "rank"), ("par_index_score", 91.43, "score")]


QUARTER_WITH_DAYS = (
    "Thống kê của Văn phòng UBND tỉnh cho biết, trong quý I năm 2024 (tính từ ngày 15/12/2023 đến 14/3/2024) toàn "
    "tỉnh đã tiếp nhận 412.530 hồ sơ, đã giải quyết 405.118 hồ sơ; trong đó, số hồ sơ giải quyết đúng và trước hạn "
    "có 401.220 hồ sơ, chiếm tỷ lệ 99,04%; số hồ sơ quá hạn có 3.898 hồ sơ, chiếm tỷ lệ 0,96%.\n\n"
    "Trong số 7.412 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 6.950 hồ sơ và có 462 hồ sơ đã quá hạn.\n\n"
    "Với cấp xã, toàn tỉnh trong quý tiếp nhận 188.400 hồ sơ, đã giải quyết 186.950 hồ sơ, đạt 99,2%.")


@pytest.mark.parametrize("tiers", ["3 cấp tỉnh, huyện, xã", "ba cấp", "các cấp tỉnh, huyện, xã"])
def test_every_tier_named_together_is_the_whole_province(tiers):
    text = f"Trong quý I năm 2024, {tiers} đã giải quyết 34.250 hồ sơ, trong đó đúng hạn 33.864 hồ sơ."
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_resolved", 34250.0, "Cao Bằng", "province"), ("dossiers_on_time", 33864.0, "Cao Bằng", "province")]
    assert extract_figures("Trong quý I năm 2024, cấp huyện đã giải quyết 4.250 hồ sơ.", CAO_BANG_Q1) == []


def test_a_quarter_explained_by_its_days_is_the_quarter_and_tiers_and_pending_dossiers_are_left_out():
    first = sentences(QUARTER_WITH_DAYS)[0]
    province = ("Cao Bằng", "province")
    rows = [_row(code, value, unit, "Q1", 2024, *province, first, QUARTER_WITH_DAYS) for code, value, unit in [
        ("dossiers_received", 412530.0, "count"), ("dossiers_resolved", 405118.0, "count"),
        ("dossiers_on_time", 401220.0, "count"), ("dossiers_on_time", 99.04, "%"),
        ("dossiers_late", 3898.0, "count"), ("dossiers_late", 0.96, "%")]]
    assert extract_figures(QUARTER_WITH_DAYS, CAO_BANG_Q1) == rows


def test_a_rounded_figure_the_bulletin_also_gives_exactly_is_given_once():
    text = ("Cao Bằng: Giải quyết hơn 2,4 triệu hồ sơ thủ tục hành chính trong năm 2024\n\n"
            "Theo báo cáo, trong năm 2024 số hồ sơ đã giải quyết là 2,471 triệu hồ sơ, đang giải quyết hơn 10.000.\n\n"
            "Riêng Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận hơn 95.000 hồ sơ trong năm.")
    assert [(r["indicator"], r["value"], r["period"], r["scope"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_resolved", 2471000.0, "FY", "Cao Bằng"),
        ("dossiers_received", 95000.0, "Q1", "Trung tâm Phục vụ hành chính công")]  # rounded, but said once


def test_a_quarter_written_with_a_dot_a_bare_count_before_a_bracket_and_a_score_out_of_100():
    text = ("Theo UBND tỉnh, trong quý III.2024, số hồ sơ đã giải quyết: 9.986 (hồ sơ giải quyết đúng hạn là "
            "9.143 hồ sơ, quá hạn là 743 hồ sơ).\n\n"
            "Theo kết quả công bố, Chỉ số cải cách hành chính (PAR Index) năm 2023, Cao Bằng đứng thứ hạng 50/63 "
            "tỉnh, thành phố, với tổng số 83,00/100 điểm.")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_resolved", 9986.0, "Q3", 2024), ("dossiers_on_time", 9143.0, "Q3", 2024),
        ("dossiers_late", 743.0, "Q3", 2024), ("par_index_rank", 50.0, "FY", 2023),
        ("par_index_score", 83.0, "FY", 2023)]
    ministry = ("Theo kết quả PAR Index 2023, Bộ Tư pháp xếp thứ 7 trên tổng số 17 bộ, cơ quan ngang bộ với số điểm "
                "đạt được là 88,15/100 điểm, tăng 1,2 điểm so với năm 2022.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(ministry, CAO_BANG_Q1)] == [
        ("par_index_rank", 7.0, "Bộ Tư pháp"), ("par_index_score", 88.15, "Bộ Tư pháp")]


def test_a_comma_closing_a_list_of_indices_and_an_aside_whose_bracket_is_never_closed():
    context = Context(province="Điện Biên", district=None, year=2022, period="FY")
    text = ("(ĐBP) - Theo báo cáo Chỉ số cải cách hành chính năm 2022 của các bộ, cơ quan ngang bộ, UBND các tỉnh, "
            "thành phố trực thuộc Trung ương và Chỉ số hài lòng về sự phục vụ hành chính, chỉ số cải cách hành chính "
            "năm 2022 của tỉnh Điện Biên đạt 81,07 điểm, xếp hạng 45/63 tỉnh, thành phố; tăng 9 bậc so với năm 2021 "
            "(năm 2021 đạt 78,64 điểm, xếp hạng 54/63 tỉnh, thành phố.")
    assert [(r["indicator"], r["value"], r["year"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 81.07, 2022), ("par_index_rank", 45.0, 2022), ("par_index_score", 78.64, 2021),
        ("par_index_rank", 54.0, 2021)]
    risen = ("Đối với Chỉ số hài lòng về sự phục vụ hành chính, tỉnh Điện Biên năm 2022 tăng 6 bậc so với năm 2021 "
             "(từ xếp hạng 50/63 lên xếp hạng 44/63 tỉnh, thành phố).")  # the value risen to is the year's own
    assert [(r["indicator"], r["value"], r["year"]) for r in extract_figures(risen, context)] == [
        ("sipas_rank", 50.0, 2021), ("sipas_rank", 44.0, 2022)]
    listed = "Năm 2022, huyện đã tiếp nhận, giải quyết tổng số 26.031 hồ sơ."  # a comma that lists two cues
    assert extract_figures(listed, context) == []


def test_a_district_bulletins_sentence_continues_the_unit_its_paragraph_named():
    context = Context(province="Quảng Nam", district="Hội An", year=2020, period="Q3")
    text = ("Theo UBND TP.Hội An, trong quý III.2020, hồ sơ mới tiếp nhận là 10.133 hồ sơ. Số hồ sơ đã giải quyết: "
            "9.986 (hồ sơ giải quyết đúng hạn là 9.143 hồ sơ).\n\n"
            "Bộ phận một cửa đã tiếp nhận 640 hồ sơ của người dân và doanh nghiệp.")  # a new paragraph: unsaid
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"], r["period"]) for r in
            extract_figures(text, context)] == [
        ("dossiers_received", 10133.0, "Hội An", "district", "Q3"),
        ("dossiers_resolved", 9986.0, "Hội An", "district", "Q3"),
        ("dossiers_on_time", 9143.0, "Hội An", "district", "Q3")]


def test_a_list_of_units_gives_each_its_figure():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Với xếp hạng PAR Index năm 2023 các tỉnh, thành phố thì đứng đầu vẫn là tỉnh Quảng Ninh (91,20% điểm), "
            "xếp ở vị trí thứ hai là TP.Hải Phòng (90,35% điểm), xếp thứ ba là TP.Hà Nội (89,90% điểm).\n\n"
            "Đối với UBND các huyện, thành phố, UBND thành phố Cao Bằng có Chỉ số cải cách hành chính năm 2023 đạt "
            "cao nhất với tổng điểm 90,12 điểm; thấp nhất là UBND huyện Bảo Lạc với tổng điểm 80,45 điểm.\n\n"
            "Đối với các sở, Sở Tài chính có Chỉ số CCHC đạt cao nhất với 93,10 điểm; thấp nhất là Sở Nông nghiệp và "
            "Phát triển nông thôn với 81,02 điểm.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 91.2, "Quảng Ninh", "province"), ("par_index_score", 90.35, "Hải Phòng", "province"),
        ("par_index_score", 89.9, "Hà Nội", "province"), ("par_index_score", 90.12, "Cao Bằng", "district"),
        ("par_index_score", 80.45, "Bảo Lạc", "district"), ("par_index_score", 93.1, "Sở Tài chính", "agency"),
        ("par_index_score", 81.02, "Sở Nông nghiệp và Phát triển nông thôn", "agency")]


def test_a_list_item_needs_its_unit_and_no_other_index():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Chỉ số PAR Index năm 2023 của tỉnh Cao Bằng đạt 84,10%, còn chỉ số PCI của tỉnh Lạng Sơn đạt 66,20%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 84.1, "Cao Bằng")]


PARTS = (
    "Trong quý I năm 2024, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận tổng cộng 19.361 hồ sơ, trong đó có "
    "16.041 hồ sơ tiếp nhận mới, số còn lại từ kỳ trước chuyển sang.\n\n"
    "Trong quý, toàn tỉnh có 218.763 hồ sơ yêu cầu giải quyết. Trong đó: 19.838 hồ sơ tiếp nhận trực tuyến, 8.606 "
    "hồ sơ kỳ trước chuyển qua.\n\n"
    "Trong quý, đã giải quyết 15.641 hồ sơ, trong đó giải quyết trước hạn có 13.529 hồ sơ, chiếm tỷ lệ 86,5%; giải "
    "quyết đúng hạn có 1.958 hồ sơ, chiếm tỷ lệ 12,5%; số hồ sơ quá hạn còn 154, chiếm tỷ lệ 1%; 1.878 hồ sơ đang "
    "giải quyết.\n\n"
    "Ở cấp huyện, tổng số hồ sơ tiếp nhận trong quý là 21.686 hồ sơ. Trong số này đã giải quyết được 17.651 hồ sơ, "
    "chiếm 81%.")


def test_parts_carried_over_pending_and_tier_paragraphs_are_no_figures_of_their_own():
    assert [(r["indicator"], r["value"], r["unit"], r["scope"]) for r in extract_figures(PARTS, CAO_BANG_Q1)] == [
        ("dossiers_received", 16041.0, "count", "Trung tâm Phục vụ hành chính công"),  # the new intake
        ("dossiers_received", 218763.0, "count", "Cao Bằng"),
        ("dossiers_online", 19838.0, "count", "Cao Bằng"),  # "8.606 hồ sơ kỳ trước chuyển qua" is not online
        ("dossiers_resolved", 15641.0, "count", "Cao Bằng"),  # early and on time apart: neither is the on-time
        ("dossiers_late", 154.0, "count", "Cao Bằng"), ("dossiers_late", 1.0, "%", "Cao Bằng")]


def test_a_sentence_opening_on_a_date_gives_figures_at_that_date():
    text = "Đến 20/9/2021, trên Cổng dịch vụ công của tỉnh đã tiếp nhận 64.292 hồ sơ trực tuyến."
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_online", 64292.0, None, 2021)]


def test_a_monthly_report_gives_its_month_to_its_paragraphs_and_early_counts_are_parts():
    context = Context(province="Cao Bằng", district=None, year=2025, period=None)
    text = ("Trong tháng 01 năm 2025, Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh đã tiếp nhận tổng "
            "cộng 14.579 hồ sơ.\n"
            "Kết quả cho thấy, có 13.794 hồ sơ được giải quyết sớm hạn, 134 hồ sơ giải quyết đúng hạn và 651 hồ sơ "
            "giải quyết trễ hạn, tỷ lệ giải quyết đúng hạn đạt 95,53%.")
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 14579.0, "month:2025-01"), ("dossiers_late", 651.0, "month:2025-01"),
        ("dossiers_on_time", 95.53, "month:2025-01")]


def test_year_to_date_figures_have_no_period_and_parts_of_a_share_list_are_left_out():
    context = Context(province="Cao Bằng", district="Bảo Lạc", year=2024, period=None)
    text = ("Từ đầu năm 2024 đến nay, UBND huyện Bảo Lạc đã tiếp nhận 3.834 hồ sơ, giải quyết đúng hạn 100%.\n\n"
            "Qua 6 tháng hoạt động (từ 01/12/2023 – 31/5/2024), Trung tâm Hành chính công huyện Bảo Lạc đã tiếp nhận "
            "2.345 hồ sơ (trả kết quả sớm hạn 1.051 hồ sơ, đạt 44%; trả đúng hạn 721 hồ sơ = 30%, trả quá hạn 154 hồ "
            "sơ =6,5%); hồ sơ đang trong thời gian giải quyết 118 hồ sơ (5%).")
    rows = extract_figures(text, context)
    assert [(r["indicator"], r["value"], r["unit"], r["period"], r["year"]) for r in rows] == [
        ("dossiers_received", 3834.0, "count", None, 2024), ("dossiers_on_time", 100.0, "%", None, 2024),
        ("dossiers_received", 2345.0, "count", "range:2023-12-01..2024-05-31", 2024),
        ("dossiers_late", 154.0, "count", "range:2023-12-01..2024-05-31", 2024),
        ("dossiers_late", 6.5, "%", "range:2023-12-01..2024-05-31", 2024)]


def test_an_office_a_bank_and_an_inspectorate_are_agencies_and_a_source_is_no_scope():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Ở nhóm các cơ quan đóng trên địa bàn tỉnh (5 đơn vị), Kho bạc Nhà nước tỉnh dẫn đầu về Chỉ số cải cách "
            "hành chính năm 2023 với 91,15 điểm, tiếp theo là Ngân hàng Nhà nước tỉnh với 90,02 điểm.\n\n"
            "Đối với các sở, Văn phòng UBND tỉnh có Chỉ số CCHC đạt cao nhất với 96,40 điểm; thấp nhất là Thanh tra "
            "tỉnh với 80,11 điểm.\n\n"
            "Thông tin từ Văn phòng UBND tỉnh cho biết, Chỉ số CCHC năm 2023 của tỉnh xếp thứ 20/63.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 91.15, "Kho bạc Nhà nước", "agency"),
        ("par_index_score", 90.02, "Ngân hàng Nhà nước", "agency"),
        ("par_index_score", 96.4, "Văn phòng UBND", "agency"), ("par_index_score", 80.11, "Thanh tra tỉnh", "agency"),
        ("par_index_rank", 20.0, "Cao Bằng", "province")]


def test_a_list_of_units_with_bare_scores_in_brackets_gives_each_its_score():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Qua thẩm định, Sở Tư pháp xếp hạng nhất về Chỉ số cải cách hành chính (92,315); xếp hạng nhì là Sở Y tế "
            "(91,870); Sở Công Thương xếp hạng ba (90,402).")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 92.315, "Sở Tư pháp"), ("par_index_score", 91.87, "Sở Y tế"),
        ("par_index_score", 90.402, "Sở Công Thương")]


def test_dossiers_abbreviated_hs_are_counted_and_a_centre_of_the_older_name_is_an_agency():
    context = Context(province="Cao Bằng", district=None, year=2020, period="Q3")
    text = ("Trong quý III-2020, Trung tâm Hành chính công của tỉnh đã tiếp nhận 24,6 ngàn HS các loại.\n\n"
            "Các cơ quan có số lượng HS tiếp nhận nhiều trong quý là: Công an tỉnh 6,2 ngàn HS, Sở Tư pháp 2,05 "
            "ngàn HS.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 24600.0, "Trung tâm Hành chính công"), ("dossiers_received", 6200.0, "Công an"),
        ("dossiers_received", 2050.0, "Sở Tư pháp")]


def test_a_month_stated_after_a_headline_figure_without_one_is_the_monthly_reports_month():
    context = Context(province="Cao Bằng", district=None, year=2020, period=None)
    text = ("Cao Bằng: 99,8% hồ sơ giải quyết đúng hạn\n\n"
            "Trong tháng 10-2020, toàn tỉnh đã tiếp nhận 7.512 hồ sơ các loại.\n\n"
            "Toàn tỉnh đã giải quyết 7.204 hồ sơ, quá hạn 12 hồ sơ.")
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 7512.0, "month:2020-10"),
        ("dossiers_resolved", 7204.0, "month:2020-10"), ("dossiers_late", 12.0, "month:2020-10")]


def test_dossiers_resolved_on_time_and_early_named_after_the_count_keep_their_share():
    context = Context(province="Cao Bằng", district=None, year=2020, period="Q3")
    text = ("Trong quý, toàn tỉnh đã giải quyết 9.120 hồ sơ, trong đó có 9.050 hồ sơ giải quyết đúng và trước hạn "
            "(đạt 99,2%), có 70 hồ sơ giải quyết trễ hạn (tỷ lệ 0,8%).")
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract_figures(text, context)] == [
        ("dossiers_resolved", 9120.0, "count"), ("dossiers_on_time", 9050.0, "count"), ("dossiers_on_time", 99.2, "%"),
        ("dossiers_late", 70.0, "count"), ("dossiers_late", 0.8, "%")]


def test_a_sentence_opening_on_the_dossiers_in_progress_gives_no_figures():
    text = ("Trong quý, toàn tỉnh đã giải quyết 40.210 hồ sơ.\n\n"
            "Số hồ sơ đang được giải quyết là: 2.115 hồ sơ; trong đó, số hồ sơ trong hạn là: 2.001 hồ sơ, số hồ sơ "
            "quá hạn là: 114 hồ sơ.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_resolved", 40210.0)]


def test_year_to_date_figures_in_a_report_on_part_of_the_year_have_the_span_to_its_end():
    context = Context(province="Cao Bằng", district=None, year=2024, period="Q3")
    text = "Từ đầu năm đến nay, toàn tỉnh đã tiếp nhận 98.420 hồ sơ, giải quyết đúng hạn 97.900 hồ sơ."
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 98420.0, "9M", 2024), ("dossiers_on_time", 97900.0, "9M", 2024)]


def test_a_score_and_rank_take_the_index_the_paragraphs_previous_sentence_names_but_not_its_parts_or_region():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Bộ Nội vụ vừa công bố Chỉ số cải cách hành chính năm 2023 của các bộ và các tỉnh, thành phố. Theo đó, "
            "tỉnh Cao Bằng đạt 84,10 điểm, xếp thứ 22/63 tỉnh, thành phố. Trong đó, điểm thẩm định đạt 55,20 điểm. "
            "Với kết quả này, Cao Bằng xếp thứ 3/14 tỉnh, thành phố khu vực miền núi phía Bắc.")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 84.1, "FY", 2023), ("par_index_rank", 22.0, "FY", 2023)]


def test_the_dot_of_tp_before_a_place_ends_no_sentence():
    context = Context(province="Khánh Hòa", district="Nha Trang", year=2021, period="Q3")
    text = ("Tỷ lệ hồ sơ trễ hạn của UBND TP. Nha Trang trong quý III là 1,10%. Dịch vụ công trực tuyến của TP. Từ "
            "đầu quý, hệ thống chạy ổn định.")
    assert [text[start:end] for start, end in sentences(text)][1:] == [
        "Dịch vụ công trực tuyến của TP.", "Từ đầu quý, hệ thống chạy ổn định."]
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_late", 1.1, "Nha Trang")]


def test_a_share_beside_a_rank_takes_the_index_the_previous_sentence_names():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Theo kết quả xếp hạng Chỉ số PAR INDEX năm 2023, Cao Bằng tăng 5 bậc. Tỉnh Lạng Sơn có bước tiến "
            "ấn tượng, đạt 88.40% xếp vị trí thứ 6. Tỉnh Bắc Kạn cũng tăng điểm, đạt 81,20%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 88.4, "Lạng Sơn"), ("par_index_rank", 6.0, "Lạng Sơn")]


def test_a_count_that_looks_like_a_year_is_no_second_year():
    context = Context(province="Cao Bằng", district="Bảo Lạc", year=2023, period="FY")
    text = ("Trong năm 2023, toàn huyện đã tiếp nhận 48.310 hồ sơ, trong đó thuộc thẩm quyền cấp huyện là 2013 hồ "
            "sơ.")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 48310.0, "FY", 2023)]


def test_in_the_month_is_the_monthly_reports_month_and_unclear_elsewhere():
    monthly = Context(province="Cao Bằng", district=None, year=2020, period=None)
    text = ("Trong tháng 11-2020, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 9.412 hồ sơ.\n\n"
            "Các cơ quan có số lượng hồ sơ tiếp nhận nhiều trong tháng là: Công an tỉnh 2.340 hồ sơ, Sở Tư pháp 1.105 "
            "hồ sơ.")
    assert [(r["value"], r["scope"], r["period"]) for r in extract_figures(text, monthly)] == [
        (9412.0, "Trung tâm Phục vụ hành chính công", "month:2020-11"), (2340.0, "Công an", "month:2020-11"),
        (1105.0, "Sở Tư pháp", "month:2020-11")]
    quarterly = Context(province="Cao Bằng", district=None, year=2020, period="Q4")
    text = "Trong tháng, Công an tỉnh đã tiếp nhận 2.340 hồ sơ."
    assert extract_figures(text, quarterly) == []


def test_agency_names_with_a_comma_or_a_spaced_dash_scope_their_items():
    context = Context(province="Tiền Giang", district=None, year=2020, period="FY",
                      title="UBND tỉnh công bố điểm Chỉ số cải cách hành chính năm 2020")
    text = ("Theo đó, Bảng điểm Chỉ số cải cách hành chính năm 2020 của các sở, ban, ngành tỉnh như sau:\n\n"
            "Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân 94,50 điểm, Sở Ngoại vụ 92,98 "
            "điểm, Sở Lao động – Thương binh và Xã hội 92,02 điểm.")
    assert [(r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        (94.5, "Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân", "agency"),
        (92.98, "Sở Ngoại vụ", "agency"), (92.02, "Sở Lao động – Thương binh và Xã hội", "agency")]
    text = ("Theo kết quả Chỉ số CCHC năm 2019, Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh có tỷ lệ điểm số cao nhất "
            "98,88%.")
    assert [(r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        (98.88, "Văn phòng Đoàn ĐBQH, HĐND và UBND")]


def test_a_paragraph_opening_on_trong_do_goes_on_with_the_unit_of_the_one_before():
    context = Context(province="Ninh Thuận", district=None, year=2024, period="H1")
    text = ("6 tháng đầu năm 2024, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 21.400 hồ sơ.\n\n"
            "Trong đó, có 20.950 hồ sơ giải quyết đúng và trước hạn, giải quyết trễ hạn 120 hồ sơ.\n\n"
            "Toàn tỉnh đã tiếp nhận 95.300 hồ sơ.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 21400.0, "Trung tâm Phục vụ hành chính công"),
        ("dossiers_on_time", 20950.0, "Trung tâm Phục vụ hành chính công"),
        ("dossiers_late", 120.0, "Trung tâm Phục vụ hành chính công"),
        ("dossiers_received", 95300.0, "Ninh Thuận")]


def test_a_bare_centre_with_no_figure_read_still_scopes_the_rest_of_its_paragraph():
    context = Context(province="Bến Tre", district=None, year=2021, period=None,
                      title="Trung tâm Phục vụ hành chính công giải quyết hơn 4,5 ngàn hồ sơ")
    text = ("Tháng 5-2021, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 5,65 ngàn hồ sơ (HS) các loại.\n\n"
            "Trung tâm đã giải quyết: 4.561/5.650 HS. Trong đó, có 4,52 ngàn HS giải quyết đúng và trước hạn.")
    assert [(r["indicator"], r["value"], r["scope"], r["period"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 5650.0, "Trung tâm Phục vụ hành chính công", "month:2021-05"),
        ("dossiers_on_time", 4520.0, "Trung tâm Phục vụ hành chính công", "month:2021-05")]


@pytest.mark.parametrize("title, scope", [
    ("Sở Tư pháp: Quý I, lượng hồ sơ trực tuyến tăng gần 2,5 lần", "Sở Tư pháp"),
    ("Sở Tư pháp: Hội nghị tổng kết công tác năm 2020", "Cao Bằng"),  # a kicker on no dossiers
])
def test_a_headline_s_kicker_on_dossiers_names_the_agency_its_unplaced_figures_are_of(title, scope):
    context = Context(province="Cao Bằng", district=None, year=2020, period="Q1", title=title)
    text = "Cụ thể, quý I năm nay, số lượng hồ sơ trực tuyến mức độ 3, 4 của sở đạt 113 hồ sơ."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_online", 113.0, scope)]


@pytest.mark.parametrize("title, scope", [
    ("Tình hình giải quyết TTHC của Sở Khoa học và Công nghệ tại Trung tâm Hành chính công tỉnh Cao Bằng năm 2023",
     "Sở Khoa học và Công nghệ"),
    # the name as the reader writes it is not the headline's: a small "sở", "HCC" written out
    ("Tình hình giải quyết hồ sơ của sở Tư pháp tại Trung tâm Hành chính công năm 2023", "Sở Tư pháp"),
    ("Trung tâm HCC tỉnh tiếp nhận hơn 130 hồ sơ trong năm 2023", "Trung tâm Hành chính công"),
    ("Trung tâm HCC tỉnh tổ chức hội nghị tổng kết năm 2023", "Cao Bằng"),  # it meets: not the unit
    ("Năm 2023: Trung tâm Phục vụ hành chính công tỉnh giải quyết hơn 130 hồ sơ", "Trung tâm Phục vụ hành chính "
     "công"),  # after a kicker
])
def test_a_headline_on_an_agency_s_dossiers_names_the_unit_of_its_unplaced_figures(title, scope):
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY", title=title)
    text = "Trong năm 2023, đã có 134 hồ sơ được tiếp nhận."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 134.0, scope)]


@pytest.mark.parametrize("district", [None, "Hoàn Kiếm"])
def test_a_headline_about_one_commune_gives_it_the_figures_no_sentence_places(district):
    context = Context(province="Hà Nội", district=district, year=2025, period="Q3",
                      title="Phường Hoàn Kiếm được khen thưởng vì cải cách thủ tục hành chính")
    text = ("Chiều 8/10, lãnh đạo Thành phố trao Bằng khen cho Trung tâm phục vụ hành chính công phường.\n\n"
            "Trong quý III/2025, tổng số hồ sơ đã tiếp nhận là 5.812 hồ sơ, trong đó tiếp nhận trực tuyến 4.620 hồ sơ "
            "(79,5%).\n\nToàn thành phố tiếp nhận 412.300 hồ sơ.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 5812.0, "phường Hoàn Kiếm", "commune"),
        ("dossiers_online", 4620.0, "phường Hoàn Kiếm", "commune"),
        ("dossiers_online", 79.5, "phường Hoàn Kiếm", "commune"),
        ("dossiers_received", 412300.0, "Hà Nội", "province")]


@pytest.mark.parametrize("district", [None, "Quy Nhơn"])
def test_a_ward_named_after_a_former_district_is_the_ward_not_two_places(district):
    context = Context(province="Bình Định", district=district, year=2025, period=None)
    text = ("Tính đến đầu quý IV năm 2025, phường Quy Nhơn Tây đã tiếp nhận hơn 2.200 hồ sơ, tỷ lệ hồ sơ trực tuyến "
            "đạt 97,77%.\n\nTính đến hết quý III/2025, phường Quy Nhơn Tây và phường Quy Nhơn Nam tiếp nhận 4.100 "
            "hồ sơ.")
    assert [(r["indicator"], r["value"], r["period"], r["year"], r["scope"], r["scope_level"])
            for r in extract_figures(text, context)] == [
        ("dossiers_received", 2200.0, None, 2025, "phường Quy Nhơn Tây", "commune"),
        ("dossiers_online", 97.77, None, 2025, "phường Quy Nhơn Tây", "commune")]  # two wards: no one scope


def test_a_centre_named_as_the_unit_goes_on_in_later_paragraphs_until_another_unit_is_named():
    context = Context(province="Bình Thuận", district=None, year=2024, period="FY")
    text = ("Trong năm 2024, Trung tâm Hành chính công tỉnh Bình Thuận đã tiếp nhận 94.665 hồ sơ thủ tục hành chính.\n"
            "Tỷ lệ giải quyết đúng và sớm hạn đạt 99,85%, tỷ lệ trễ hạn chỉ chiếm 0,15%.\n"
            "Toàn tỉnh đã tiếp nhận 412.300 hồ sơ.\n"
            "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,9%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 94665.0, "Trung tâm Hành chính công"),
        ("dossiers_on_time", 99.85, "Trung tâm Hành chính công"), ("dossiers_late", 0.15, "Trung tâm Hành chính công"),
        ("dossiers_received", 412300.0, "Bình Thuận"), ("dossiers_on_time", 98.9, "Bình Thuận")]


def test_agency_names_written_short_with_an_ampersand_are_agencies():
    context = Context(province="Quảng Nam", district=None, year=2018, period="Q2")
    text = ("Trong quý II năm 2018, Trung tâm Hành chính công tỉnh tiếp nhận trực tuyến 460 hồ sơ, bao gồm Sở Công "
            "Thương 80 hồ sơ, Sở KH&ĐT 170 hồ sơ, Sở TN&MT 180 hồ sơ và Sở Ngoại vụ 20 hồ sơ.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_online", 460.0, "Trung tâm Hành chính công"), ("dossiers_online", 80.0, "Sở Công Thương"),
        ("dossiers_online", 170.0, "Sở KH&ĐT"), ("dossiers_online", 180.0, "Sở TN&MT"),
        ("dossiers_online", 20.0, "Sở Ngoại vụ")]


def test_agency_names_with_a_place_abbreviated_with_a_dot_are_agencies():
    context = Context(province="Hồ Chí Minh", district=None, year=2016, period="9M")
    text = ("Theo báo cáo của Văn phòng đăng ký đất đai TP.HCM, trong 9 tháng đầu năm, việc cấp giấy chứng nhận bị "
            "trễ hạn lên tới hơn 2.800 hồ sơ. Trong quý III, Sở Tư pháp TP. Hồ Chí Minh đạt tỷ lệ giải quyết hồ sơ "
            "đúng hạn 99,1%.")
    assert [(r["indicator"], r["value"], r["period"], r["scope"], r["scope_level"])
            for r in extract_figures(text, context)] == [
        ("dossiers_late", 2800.0, "9M", "Văn phòng đăng ký đất đai TP.HCM", "agency"),
        ("dossiers_on_time", 99.1, "Q3", "Sở Tư pháp TP. Hồ Chí Minh", "agency")]


def test_in_the_week_is_the_span_the_headline_dates_and_unclear_without_one():
    weekly = Context(province="Quảng Nam", district=None, year=2018, period=None,
                     title="Kết quả tiếp nhận, giải quyết hồ sơ TTHC từ ngày 27/4 đến ngày 03/5/2018")
    text = ("Trong tuần, Trung tâm Hành chính công tỉnh tiếp nhận 46 hồ sơ trực tuyến, tỷ lệ hồ sơ giải quyết đúng "
            "hạn đạt 99,2%.")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, weekly)] == [
        ("dossiers_online", 46.0, "range:2018-04-27..2018-05-03", 2018),
        ("dossiers_on_time", 99.2, "range:2018-04-27..2018-05-03", 2018)]
    undated = Context(province="Quảng Nam", district=None, year=2017, period=None,
                      title="Hoạt động của Trung tâm Hành chính công tỉnh")
    assert extract_figures("Trong tuần chỉ có 4 hồ sơ trễ hạn, giảm so với tuần trước.", undated) == []
    text = ("Trong cùng kỳ, xã Bình An đã giải quyết được 8.914 hồ sơ. Trong đó, 8.850 hồ sơ được giải quyết đúng "
            "hạn.")
    assert extract_figures(text, Context(province="Hưng Yên", district=None, year=2025, period=None)) == []


def test_a_rate_per_day_is_no_figure_of_a_period():
    context = Context(province="Thanh Hóa", district=None, year=2025, period="Q3")
    text = "Mỗi ngày, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận khoảng 1.100 hồ sơ trực tuyến."
    assert extract_figures(text, context) == []
    text = "Trong quý III, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 98.600 hồ sơ trực tuyến."
    assert [(r["value"], r["period"]) for r in extract_figures(text, context)] == [(98600.0, "Q3")]
    # with a period of its own, a rate is still no figure of it, named before its number or after
    for text in ("Trong quý III, mỗi ngày Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 1.100 hồ sơ.",
                 "Trong quý III, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận trung bình 1.100 hồ sơ mỗi ngày."):
        assert extract_figures(text, context) == []
    text = ("Trong quý III, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 98.600 hồ sơ, mỗi ngày khoảng 1.100 hồ "
            "sơ.")
    assert [(r["value"], r["period"]) for r in extract_figures(text, context)] == [(98600.0, "Q3")]


def test_a_count_of_services_takes_no_period_from_the_sentences_before_it():
    context = Context(province="Cao Bằng", district=None, year=2024, period="Q2")
    text = ("Trong quý II năm 2024, toàn tỉnh đã tiếp nhận 40.112 hồ sơ. Cùng với đó, tỉnh đã cung cấp 1.210 thủ tục "
            "hành chính trực tuyến toàn trình và 310 thủ tục trực tuyến một phần.")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 40112.0, "Q2", 2024), ("online_services_full", 1210.0, None, 2024),
        ("online_services_partial", 310.0, None, 2024)]


def test_the_district_level_in_a_districts_own_bulletin_is_the_district():
    context = Context(province="Cao Bằng", district="Bảo Lạc", year=2024, period="H1")
    text = ("Theo báo cáo của UBND huyện, trong 6 tháng đầu năm 2024, cấp huyện đã tiếp nhận 3.120 hồ sơ; cấp xã "
            "đã tiếp nhận 9.870 hồ sơ.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 3120.0, "Bảo Lạc")]
    province = Context(province="Cao Bằng", district=None, year=2024, period="H1")
    assert extract_figures(text.replace("của UBND huyện", "của UBND tỉnh"), province) == []


def test_resolved_on_or_past_the_appointed_day_is_on_time_or_late():
    text = ("Trong quý I năm 2024, toàn tỉnh đã tiếp nhận 5.210 hồ sơ, giải quyết đúng hẹn 5.100 hồ sơ, đạt 98,1%; "
            "giải quyết trễ hẹn 99 hồ sơ.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 5210.0), ("dossiers_on_time", 5100.0), ("dossiers_on_time", 98.1),
        ("dossiers_late", 99.0)]


def test_a_year_compared_with_is_not_a_second_year_of_the_sentence():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Đối với chỉ số hài lòng của người dân năm 2023, tỉnh Cao Bằng đạt 84,12%, xếp hạng 21/63 tỉnh, thành "
            "phố (tăng 2 bậc so năm 2022).")
    assert [(r["indicator"], r["value"], r["year"]) for r in extract_figures(text, context)] == [
        ("sipas", 84.12, 2023), ("sipas_rank", 21.0, 2023)]


def test_an_agency_head_word_alone_names_no_agency():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Theo đó, đối với cấp Sở, ban, ngành; Sở Tư pháp có Chỉ số cải cách hành chính đạt 93,15%, đứng vị trí thứ "
            "nhất; Sở Y tế có Chỉ số cải cách hành chính đạt 90,02%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 93.15, "Sở Tư pháp"), ("par_index_score", 90.02, "Sở Y tế")]


def test_an_index_national_average_has_the_scope_of_the_country():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Kết quả Chỉ số SIPAS 2023 trung bình cả nước là 83,20%, tỉnh cao nhất là 92,10%.\n\n"
            "Năm 2023, chỉ số PAR INDEX của các tỉnh, thành phố có giá trị trung bình cao nhất từ trước tới nay, "
            "đạt 85.40%.\n\nGiá trị trung bình Chỉ số CCHC năm 2023 của các tỉnh, thành phố là 86,98%.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("sipas", 83.2, "cả nước", "national"), ("par_index_score", 85.4, "cả nước", "national"),
        ("par_index_score", 86.98, "cả nước", "national")]


def test_satisfaction_with_local_government_as_a_whole_is_the_country_s_and_a_province_s_its_own():
    context = Context(province="Cao Bằng", district=None, year=2021, period="FY")
    text = ("Về Chỉ số SIPAS, năm 2021 có 87,16% người dân, tổ chức hài lòng về sự phục vụ nói chung của cơ quan "
            "hành chính nhà nước ở địa phương.\n\nNăm 2021, Chỉ số SIPAS của tỉnh đạt 90,13%.\n\n"
            "Năm 2021, 88,02% người dân hài lòng về sự phục vụ nói chung của cơ quan hành chính nhà nước "
            "tỉnh Cao Bằng.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("sipas", 87.16, "cả nước", "national"), ("sipas", 90.13, "Cao Bằng", "province"),
        ("sipas", 88.02, "Cao Bằng", "province")]


def test_the_provinces_average_result_is_national_and_the_ministries_average_is_left_out():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Giá trị trung bình Chỉ số cải cách hành chính năm 2023 của 17 bộ, cơ quan ngang bộ là 86,10%; Chỉ số "
            "cải cách hành chính của các tỉnh, thành phố trực thuộc Trung ương đạt kết quả trung bình là 84,25%.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 84.25, "cả nước", "national")]


def test_a_count_after_units_counted_is_theirs_not_a_threshold():
    context = Context(province="Cao Bằng", district=None, year=2024, period="H1")
    text = ("Trong 6 tháng đầu năm 2024, UBND tỉnh đã ban hành 14 quyết định công bố danh mục TTHC thuộc thẩm quyền "
            "của 15 sở, ngành với 702 TTHC.")
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract_figures(text, context)] == [
        ("procedures_published", 702.0, "count")]


def test_a_share_of_the_points_is_a_par_index_score():
    context = Context(province="Cao Bằng", district=None, year=2022, period="FY")
    text = "Theo đó, Sở Tư pháp có tỷ lệ điểm số cao nhất 96,12%; đứng cuối bảng là Sở Y tế đạt tỷ lệ điểm 70,05%."
    assert [(r["indicator"], r["value"], r["unit"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 96.12, "score", "Sở Tư pháp"), ("par_index_score", 70.05, "score", "Sở Y tế")]


def test_dossiers_asking_to_be_resolved_named_before_their_count_and_a_new_intake_named_before_its_own():
    text = ("Tổng số hồ sơ yêu cầu giải quyết trong quý I năm 2024 là 52.300 hồ sơ.\n\n"
            "Trong quý I năm 2024, tổng số hồ sơ yêu cầu giải quyết là 10.455 hồ sơ, trong đó hồ sơ mới tiếp nhận là "
            "10.133 hồ sơ.\n\n"
            "Trong quý I năm 2024, số hồ sơ đang giải quyết là 2.800 hồ sơ.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 52300.0), ("dossiers_received", 10133.0)]


def test_level_3_and_a_count_starting_with_4_are_not_levels_3_and_4():
    context = Context(province="Cao Bằng", district=None, year=2024, period=None)
    text = ("Hiện nay, trung tâm tiếp nhận hồ sơ điện tử đối với 250 thủ tục thực hiện dịch vụ công trực tuyến mức độ "
            "3 và 415 thủ tục thực hiện dịch vụ công trực tuyến mức độ 4.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == [
        ("online_services_level3", 250.0), ("online_services_level4", 415.0)]


def test_a_cue_overlapping_a_longer_one_is_the_same_phrase():
    text = ("Trong quý I năm 2024, trung tâm đã tiếp nhận 4.100 hồ sơ, trong đó đã giải quyết trước hạn 2.900 hồ sơ, "
            "giải quyết đúng hạn 800 hồ sơ.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 4100.0)]  # early and on time given apart: neither is the on-time figure


def test_a_share_right_after_a_counts_noun_takes_its_indicator():
    text = "Trong quý I năm 2024, toàn tỉnh có 1.309 hồ sơ giải quyết quá hạn chiếm 0,6%."
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_late", 1309.0, "count"), ("dossiers_late", 0.6, "%")]


def test_a_bracket_opening_on_another_year_gives_its_figures_that_year():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Chỉ số cải cách hành chính năm 2023 của tỉnh Cao Bằng xếp thứ 40/63 tỉnh, thành phố (năm 2022, Cao Bằng "
            "xếp ở vị trí thứ 47).")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("par_index_rank", 40.0, "FY", 2023), ("par_index_rank", 47.0, "FY", 2022)]


def test_a_town_thi_xa_is_a_district_not_a_commune():
    context = Context(province="Tây Ninh", district=None, year=2022, period="FY")
    text = ("Theo công bố Chỉ số cải cách hành chính năm 2022, ở khối các huyện, thị xã, thành phố, UBND thị xã Trảng "
            "Bàng dẫn đầu với tỷ lệ điểm số đạt 88,40%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 88.4, "Trảng Bàng")]


def test_a_place_written_with_the_older_tone_placement_is_named():
    context = Context(province="Đà Nẵng", district=None, year=2022, period="FY")
    text = "Ở cấp huyện, UBND huyện Hoà Vang đứng đầu bảng xếp hạng chỉ số CCHC với tỷ lệ điểm số đạt 91,20%."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 91.2, "Hòa Vang")]


def test_a_received_count_of_the_counter_or_post_alone_is_a_part_of_the_total():
    text = ("Trong quý I năm 2024, trung tâm đã tiếp nhận 8,4 ngàn hồ sơ. Trong đó, phần lớn hồ sơ được tiếp nhận trực "
            "tiếp (6,1 ngàn hồ sơ), số còn lại nộp trực tuyến.\n\n"
            "Trong quý I năm 2024, có 3.200 hồ sơ mới tiếp nhận (trực tiếp và qua bưu chính).\n\n"
            "Trong quý I năm 2024, toàn tỉnh tiếp nhận 9.900 hồ sơ (trực tiếp và trực tuyến).")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 8400.0), ("dossiers_received", 9900.0)]


def test_up_to_now_continues_the_paragraphs_period_and_alone_is_a_figure_to_date():
    context = Context(province="Cao Bằng", district=None, year=2024, period="H1")
    text = ("Trong 6 tháng đầu năm 2024, toàn tỉnh tiếp nhận 48.200 hồ sơ. Đến nay, tỷ lệ hồ sơ giải quyết đúng hạn "
            "đạt 98%.\n\n"
            "Đến nay, kết quả giải quyết hồ sơ đúng hạn tại Trung tâm Phục vụ hành chính công tỉnh đạt tỷ lệ 97%.")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 48200.0, "H1", 2024), ("dossiers_on_time", 98.0, "H1", 2024),
        ("dossiers_on_time", 97.0, None, 2024)]


def test_a_span_of_days_as_long_as_a_month_opens_a_monthly_report():
    context = Context(province="Cao Bằng", district=None, year=2024, period=None)
    text = ("Trong tháng 3/2024 (từ 21/2 đến 20/3/2024), Trung tâm Phục vụ hành chính công tỉnh tiếp nhận mới 3.150 hồ "
            "sơ.\n\n"
            "Một số cơ quan có tỷ lệ hồ sơ quá hạn cao, như: Sở Xây dựng (12,5%); Sở Tư pháp (8,2%).")
    span = "range:2024-02-21..2024-03-20"
    assert [(r["indicator"], r["value"], r["period"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 3150.0, span, "Trung tâm Phục vụ hành chính công"),
        ("dossiers_late", 12.5, span, "Sở Xây dựng"), ("dossiers_late", 8.2, span, "Sở Tư pháp")]


def test_a_rounded_share_in_brackets_after_a_count_takes_its_indicator():
    text = ("Trong quý I năm 2024, toàn tỉnh đã giải quyết trước và đúng hạn 8.020 hồ sơ (đạt gần 97%), tổng số hồ sơ "
            "giải quyết quá hạn gần 300 hồ sơ, đạt trên 3%.")
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_on_time", 8020.0, "count"), ("dossiers_on_time", 97.0, "%"), ("dossiers_late", 300.0, "count"),
        ("dossiers_late", 3.0, "%")]


def test_a_headline_figure_given_again_with_its_period_is_given_once_where_it_is_stated():
    context = Context(province="Cao Bằng", district=None, year=2024, period=None)
    text = ("Trung tâm Phục vụ hành chính công: gần 98% hồ sơ giải quyết đúng hạn\n\n"
            "Trong tháng 4/2024, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 2.730 hồ sơ, giải quyết đúng hạn "
            "2.650 hồ sơ (đạt gần 98%).")
    centre = "Trung tâm Phục vụ hành chính công"
    assert [(r["indicator"], r["value"], r["period"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 2730.0, "month:2024-04", centre), ("dossiers_on_time", 2650.0, "month:2024-04", centre),
        ("dossiers_on_time", 98.0, "month:2024-04", centre)]
    quarter = ("Trung tâm Phục vụ hành chính công giải quyết đúng hạn hơn 99% hồ sơ\n\n"
               "Trong quý I năm 2024, Trung tâm Phục vụ hành chính công Cao Bằng đã giải quyết đúng hạn 9.120 hồ sơ "
               "(hơn 99%).")
    assert [(r["value"], r["period"], r["scope"]) for r in extract_figures(quarter, CAO_BANG_Q1)] == [
        (9120.0, "Q1", centre + " Cao Bằng"), (99.0, "Q1", centre + " Cao Bằng")]


def test_a_list_of_scores_takes_the_index_the_paragraph_before_names_in_its_last_sentence():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Trong 20 sở, ban, ngành: Sở Tư pháp dẫn đầu chỉ số cải cách hành chính năm 2023 với 93,10 điểm.\n\n"
            "Đối với cấp huyện, UBND huyện Bảo Lạc xếp thứ nhất với 88,20 điểm; thứ hai là UBND huyện Hà Quảng 87,10 "
            "điểm.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 93.1, "Sở Tư pháp"), ("par_index_score", 88.2, "Bảo Lạc"),
        ("par_index_score", 87.1, "Hà Quảng")]


def test_a_photo_caption_repeats_figures_and_gives_none():
    context = Context(province="Cao Bằng", district=None, year=2018, period="FY")
    sentence = "Năm 2018, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 9.200 hồ sơ."
    assert [(r["indicator"], r["value"]) for r in extract_figures(sentence, context)] == [
        ("dossiers_received", 9200.0)]
    assert extract_figures(f"Đoàn khảo sát làm việc tại tỉnh.\n\n{sentence} Ảnh: T.H", context) == []


def test_a_count_since_a_centre_opened_has_the_year_only():
    context = Context(province="Cao Bằng", district=None, year=2018, period=None)
    text = ("Sau hơn 2 tháng đi vào hoạt động, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 7.021 hồ sơ.\n\n"
            "Trong 10 ngày đầu vận hành thử nghiệm, Trung tâm đã tiếp nhận 3.500 hồ sơ (từ 1-7 đến 10-7).")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 7021.0, None, 2018), ("dossiers_received", 3500.0, "range:2018-07-01..2018-07-10", 2018)]


def test_a_rank_out_of_a_regions_provinces_is_regional_and_one_past_the_countrys_is_none():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Năm 2023, Chỉ số PAPI của tỉnh Cao Bằng đứng thứ 40/61 tỉnh, thành phố. Trong các tỉnh trung du và miền "
            "núi, Cao Bằng đứng thứ 05/14 tỉnh. Chỉ số PAPI năm 2022 của tỉnh xếp thứ 4061 do lỗi in.")
    assert [(r["indicator"], r["value"], r["year"]) for r in extract_figures(text, context)] == [
        ("papi_rank", 40.0, 2023)]


def test_a_count_a_province_registers_to_provide_is_a_plan_and_a_source_is_no_scope():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Tỉnh Cao Bằng đã đăng ký triển khai 134 dịch vụ công trực tuyến mức độ 3 trong năm 2023.\n\n"
            "Theo công bố từ Bộ Nội vụ, Cao Bằng xếp thứ 30 cả nước về Chỉ số cải cách hành chính năm 2023.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)
            if r["scope"] == "Bộ Nội vụ" or r["indicator"].startswith("online")] == []


def test_a_rank_after_a_regional_lead_is_regional_and_still_ends_its_list_item():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Chỉ số cải cách hành chính năm 2023 của tỉnh Cao Bằng xếp thứ 30/63 tỉnh, thành phố. So với khu vực miền "
            "núi phía Bắc, Cao Bằng xếp ở vị trí thứ 4, chỉ sau Lạng Sơn (hạng 12) và Hà Giang (hạng 25).")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_rank", 30.0, "Cao Bằng"), ("par_index_rank", 12.0, "Lạng Sơn"),
        ("par_index_rank", 25.0, "Hà Giang")]


def test_a_place_in_the_ranking_without_an_ordinal_word_is_a_rank():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Theo kết quả xếp hạng chỉ số cải cách hành chính năm 2023, tỉnh Cao Bằng đứng ở vị trí 41, đạt 82,15 "
            "điểm, thuộc nhóm khá.")
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract_figures(text, context)] == [
        ("par_index_rank", 41.0, "rank"), ("par_index_score", 82.15, "score")]


def test_a_change_with_its_compared_year_between_the_index_and_its_score_is_an_aside():
    context = Context(province="Cao Bằng", district="Bảo Lạc", year=2022, period="FY")
    text = ("Năm 2022, chỉ số CCHC của huyện Bảo Lạc tăng 1,25 điểm so với năm 2021 đạt 80,40 điểm, xếp hạng 3/10 "
            "huyện, thành phố.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 80.4, "Bảo Lạc"), ("par_index_rank", 3.0, "Bảo Lạc")]
    text = "Năm 2022, tỷ lệ hồ sơ trực tuyến của huyện Bảo Lạc tăng 12% so với năm 2021."
    assert extract_figures(text, context) == []


def test_on_time_and_early_named_together_after_a_count_are_one_phrase():
    text = ("Trong quý I năm 2024, UBND huyện Bảo Lạc đã giải quyết 2.100 hồ sơ, trong đó 2.080 hồ sơ đúng và sớm hạn, "
            "đạt 99,05%.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_resolved", 2100.0), ("dossiers_on_time", 2080.0), ("dossiers_on_time", 99.05)]


@pytest.mark.parametrize("lead", ["Về hồ sơ trực tuyến, ", "Đối với việc tiếp nhận, giải quyết hồ sơ thủ tục hành "
                                  "chính trực tuyến, ", "Riêng việc tiếp nhận và giải quyết hồ sơ TTHC trực tuyến, "])
def test_a_sentence_about_dossiers_filed_online_makes_its_received_counts_online(lead):
    text = f"{lead}trong quý I năm 2024, toàn tỉnh tiếp nhận 3.412 hồ sơ, đạt 36,5%."
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_online", 3412.0, "count"), ("dossiers_online", 36.5, "%")]


def test_a_rank_followed_by_its_own_year_has_that_year_and_is_no_second_year_of_its_sentence():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Chỉ số cải cách hành chính năm 2023 của tỉnh Cao Bằng tăng mạnh, từ vị trí thứ 52 của năm 2022 lên vị trí "
            "thứ 30/63 tỉnh, thành phố.")
    assert [(r["indicator"], r["value"], r["year"]) for r in extract_figures(text, context)] == [
        ("par_index_rank", 52.0, 2022), ("par_index_rank", 30.0, 2023)]
    text = "Từ vị trí 58 của năm 2022, chỉ số PAR INDEX của tỉnh Cao Bằng năm 2023 đứng ở vị trí thứ 30/63 tỉnh, thành."
    assert [(r["indicator"], r["value"], r["year"]) for r in extract_figures(text, context)] == [
        ("par_index_rank", 30.0, 2023)]


def test_the_span_a_report_opens_on_is_the_default_of_its_later_paragraphs():
    context = Context(province="Cao Bằng", district=None, year=2025, period=None)
    text = ("Cao Bằng: giải quyết hơn 40 ngàn hồ sơ với tỷ lệ hài lòng trên 98%\n\n"
            "Từ 1/7 đến 30/11/2025, toàn tỉnh đã tiếp nhận 41.250 hồ sơ thủ tục hành chính.\n\n"
            "Số hồ sơ đã giải quyết là 40.180 hồ sơ.")
    span = "range:2025-07-01..2025-11-30"
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(text, context)][1:] == [
        ("dossiers_received", 41250.0, span), ("dossiers_resolved", 40180.0, span)]


def test_dossiers_resolved_past_the_deadline_are_late_however_the_phrase_joins_its_cues():
    text = ("Trong quý I năm 2024, số hồ sơ giải quyết chậm hạn là 15 hồ sơ.\n\n"
            "Trong quý I năm 2024, hồ sơ đã trả kết quả nhưng chậm hạn và hồ sơ quá hạn giải quyết là 21 hồ sơ (chiếm "
            "0,5%).")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_late", 15.0), ("dossiers_late", 21.0), ("dossiers_late", 0.5)]


def test_a_bare_early_count_joined_by_va_to_the_on_time_one_is_a_part_too():
    text = ("Trong quý I năm 2024, số hồ sơ đã giải quyết là 8.350 hồ sơ; trong đó số hồ sơ giải quyết trước hạn là "
            "5.200 và đúng hạn là 3.100 (chiếm 99,3%) hồ sơ.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_resolved", 8350.0)]  # early and on time given apart: neither (nor the share beside them)


def test_a_one_stop_centres_own_satisfaction_survey_has_the_reports_period():
    context = Context(province="Cao Bằng", district=None, year=2024, period="H1")
    text = ("Trong 6 tháng đầu năm 2024, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 20.150 hồ sơ.\n\n"
            "Mức độ hài lòng đối với Trung tâm Phục vụ hành chính công được khảo sát qua máy tính bảng, với tỷ lệ hài "
            "lòng đạt 97,6%.")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 20150.0, "H1", 2024), ("sipas", 97.6, "H1", 2024)]


def test_dossiers_returned_unresolved_are_not_resolved_ones():
    text = ("Trong quý I năm 2024, có 35 hồ sơ trả không giải quyết do thiếu thành phần.\n\n"
            "Trong quý I năm 2024, có 18 hồ sơ trả lại sau khi giải quyết.")
    assert extract_figures(text, CAO_BANG_Q1) == []


def test_a_unit_a_list_item_comes_after_is_not_the_items_unit():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Theo kết quả công bố, Chỉ số PAR INDEX năm 2023 của tỉnh Lạng Sơn đạt 89,10 điểm. Sau Lạng Sơn là Cao "
            "Bằng với 87,45 điểm, Hà Giang với 86,90 điểm.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 89.1, "Lạng Sơn"), ("par_index_score", 87.45, "Cao Bằng"),
        ("par_index_score", 86.9, "Hà Giang")]


def test_a_score_its_clause_opens_on_belongs_to_the_unit_named_after_it():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Ở khối sở, ngành (18 cơ quan), với 93,40 điểm Sở Nội vụ là đơn vị đứng đầu về chỉ số cải cách hành chính "
            "năm 2023, kế đến là Sở Y tế đạt 92,15 điểm, Sở Tư pháp đạt 91,02 điểm.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 93.4, "Sở Nội vụ"), ("par_index_score", 92.15, "Sở Y tế"),
        ("par_index_score", 91.02, "Sở Tư pháp")]


def test_a_score_takes_the_index_the_nearest_earlier_sentence_of_its_paragraph_names():
    context = Context(province="Cao Bằng", district="Bảo Lạc", year=2023, period="FY")
    text = ("UBND tỉnh vừa công bố Chỉ số cải cách hành chính năm 2023 của các sở, ngành và các huyện. Kết quả, Văn "
            "phòng UBND tỉnh đứng đầu khối sở, ngành. Riêng huyện Bảo Lạc đạt 84,30 điểm, xếp loại tốt.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 84.3, "Bảo Lạc")]


def test_a_rounded_figure_given_exactly_in_a_sentence_left_out_is_not_kept():
    context = Context(province="Cao Bằng", district="Bảo Lạc", year=2024, period=None)
    text = ("Huyện Bảo Lạc tiếp nhận hơn 12.300 hồ sơ thủ tục hành chính\n\n"
            "Tính đến cuối tháng 5 năm 2024, UBND huyện và UBND 14 xã, thị trấn tiếp nhận 12.342 hồ sơ thủ tục hành "
            "chính.")
    assert extract_figures(text, context) == []


def test_from_the_start_of_the_year_to_a_day_is_that_span():
    context = Context(province="Cao Bằng", district=None, year=2024, period=None)
    text = ("Tính từ đầu năm đến ngày 20/8/2024, toàn tỉnh đã tiếp nhận 96.410 hồ sơ.\n\n"
            "Từ đầu năm đến hết ngày 30/6/2024, toàn tỉnh đã giải quyết 70.120 hồ sơ.")
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 96410.0, "range:2024-01-01..2024-08-20"), ("dossiers_resolved", 70120.0, "H1")]


def test_dossiers_carried_out_as_online_public_services_are_filed_online():
    text = ("Trong quý I năm 2024, toàn tỉnh đã tiếp nhận 3.050 hồ sơ. Trong số này, có 1.240 hồ sơ thực hiện dịch vụ "
            "công trực tuyến toàn trình.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 3050.0), ("dossiers_online", 1240.0)]


def test_a_rank_in_a_dated_aside_takes_the_index_its_sentence_names():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Chỉ số CCHC năm 2023 của tỉnh Cao Bằng xếp hạng 30/63 tỉnh, thành phố, đạt 84,50%, tăng 12 bậc so năm "
            "2021 (năm 2021 xếp thứ 42/63 tỉnh, thành phố).")
    assert [(r["indicator"], r["value"], r["year"]) for r in extract_figures(text, context)] == [
        ("par_index_rank", 30.0, 2023), ("par_index_score", 84.5, 2023), ("par_index_rank", 42.0, 2021)]


def test_an_abbreviation_in_brackets_does_not_break_the_phrase_naming_a_figure():
    context = Context(province="Cao Bằng", district=None, year=2024, period=None)
    text = ("Trong tháng 4/2024, có 95,2% hồ sơ thủ tục hành chính (TTHC) được giải quyết đúng và trước hạn.\n\n"
            "Hiện nay, tỉnh đã cung cấp 1.150 TTHC thực hiện dịch vụ công trực tuyến (DVCTT) toàn trình.")
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(text, context)] == [
        ("dossiers_on_time", 95.2, "month:2024-04"), ("online_services_full", 1150.0, None)]


def test_the_parties_served_named_as_a_pair_do_not_break_the_phrase_naming_a_figure():
    text = ("Trong quý I năm 2024, toàn tỉnh có 15.300 hồ sơ của tổ chức, cá nhân yêu cầu giải quyết.\n\n"
            "Trong quý I năm 2024, khảo sát tại Trung tâm Phục vụ hành chính công tỉnh cho thấy trên 96% người dân, "
            "doanh nghiệp hài lòng.")
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 15300.0, "Q1"), ("sipas", 96.0, "Q1")]


def test_a_year_a_value_is_said_to_be_higher_than_is_no_second_year_of_the_sentence():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Chỉ số SIPAS năm 2023 của tỉnh Cao Bằng đạt 86,40%, cao hơn tỷ lệ hài lòng chung của tỉnh năm 2022 là "
            "2,15%.")
    assert [(r["indicator"], r["value"], r["year"]) for r in extract_figures(text, context)] == [
        ("sipas", 86.4, 2023)]


def test_dossiers_resolved_early_alone_are_a_part_of_the_on_time_figure():
    text = ("Trong quý I năm 2024, Trung tâm Phục vụ hành chính công tỉnh đã giải quyết 4.210 hồ sơ, trong đó số hồ sơ "
            "trả trước hạn là 2.905; không có hồ sơ quá hạn.\n\n"
            "Trong quý I năm 2024, toàn tỉnh có tỷ lệ hồ sơ giải quyết trước hạn cao (chiếm 97,35%).\n\n"
            "Trong quý I năm 2024, toàn tỉnh có 6.120 hồ sơ được giải quyết đúng và trước hạn (đạt 98,6%).")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_resolved", 4210.0), ("dossiers_on_time", 6120.0), ("dossiers_on_time", 98.6)]


def test_a_tier_named_in_a_figures_own_clause_is_a_part_of_the_province_wide_total():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Trong năm 2023, hồ sơ được tiếp nhận và giải quyết trên địa bàn tỉnh đạt 412.530 hồ sơ (cấp tỉnh tiếp "
            "nhận 41.200 hồ sơ, UBND cấp huyện tiếp nhận 98.330 hồ sơ), trong đó 99,1% hồ sơ được giải quyết đúng hạn.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_on_time", 99.1, "Cao Bằng")]


def test_dossiers_late_that_were_resolved_are_late_ones():
    text = ("Trong quý I năm 2024, số hồ sơ trễ hạn đã giải quyết là 312 hồ sơ, chiếm 0,85%.\n\n"
            "Trong tháng 3/2024, hồ sơ quá hạn đã được giải quyết tại Sở Xây dựng là 40 hồ sơ.")
    assert [(r["indicator"], r["value"], r["unit"], r["scope"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_late", 312.0, "count", "Cao Bằng"), ("dossiers_late", 0.85, "%", "Cao Bằng"),
        ("dossiers_late", 40.0, "count", "Sở Xây dựng")]


def test_a_counted_agency_head_names_a_group_not_an_agency():
    text = ("Trong quý I năm 2024, bộ phận một cửa tiếp nhận hồ sơ của 21 Sở ngành tỉnh, tỷ lệ hồ sơ giải quyết "
            "đúng hạn đạt 98,7%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_on_time", 98.7, "Cao Bằng")]


def test_a_share_said_to_be_an_average_is_the_average_of_units_not_a_figure():
    text = ("Trong quý I năm 2024, tỷ lệ hồ sơ nộp trực tuyến trung bình đạt 27,4% trên tổng số hồ sơ các cơ quan.\n\n"
            "Trong quý I năm 2024, tỷ lệ hồ sơ nộp trực tuyến của toàn tỉnh đạt 31,2%.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [("dossiers_online", 31.2)]


def test_a_share_after_an_index_s_raw_points_is_the_index():
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Năm 2023, điểm Chỉ số hài lòng của người dân, tổ chức về sự phục vụ của các cơ quan hành chính nhà nước "
            "trên địa bàn tỉnh được 9,85 điểm, đạt 87,10%, xếp thứ 21/63 tỉnh, thành phố.")
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract_figures(text, context)] == [
        ("sipas", 87.1, "%"), ("sipas_rank", 21.0, "rank")]


def test_a_figure_right_before_where_an_excerpt_breaks_off_is_left_out():
    text = ("Trong quý I năm 2024, toàn tỉnh đã tiếp nhận 8.412 hồ sơ, tỷ lệ hồ sơ nộp trực tuyến đạt 52,3% trên "
            "tổng số hồ sơ tiếp nhận của các cơ quan, đơn vị trên địa bàn tỉnh. Trong đó, có 7.950 hồ sơ giải quyết "
            "đúng hạn")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 8412.0), ("dossiers_online", 52.3)]
    assert [(r["indicator"], r["value"]) for r in extract_figures(text + ".", CAO_BANG_Q1)][-1] == \
        ("dossiers_on_time", 7950.0)  # the whole sentence


def test_a_broken_sentences_whole_clauses_stand_only_when_it_names_its_unit():
    """Where an excerpt breaks off mid-sentence, the clauses before its last mark are whole; their figures stand
    when the sentence names whose they are ("toàn tỉnh", "tỉnh Bà Rịa - Vũng Tàu"), as the labels keep them, and
    are left out when it names none (the rest might have) or opens on the parts of a whole ("Trong đó")."""
    named = ("Trong quý I năm 2024, tỷ lệ hồ sơ nộp trực tuyến của toàn tỉnh đạt 52,3% trên tổng số hồ sơ tiếp nhận "
             "của các cơ quan, đơn vị trên địa bàn tỉnh, vượt chỉ tiêu được giao cho các")
    assert [(r["indicator"], r["value"]) for r in extract_figures(named, CAO_BANG_Q1)] == [("dossiers_online", 52.3)]
    unnamed = ("Trong quý I năm 2024, tỷ lệ hồ sơ nộp trực tuyến đạt 52,3% trên tổng số hồ sơ tiếp nhận, vượt chỉ "
               "tiêu được giao cho các")
    parts = ("Trong đó, toàn tỉnh có 7.950 hồ sơ giải quyết đúng hạn trong quý I năm 2024, chiếm 94,5% số hồ sơ "
             "đã giải quyết của các")
    assert extract_figures(unnamed, CAO_BANG_Q1) == extract_figures(parts, CAO_BANG_Q1) == []


def test_the_whole_items_of_a_list_where_an_excerpt_breaks_off_are_read():
    context = Context(province="Tiền Giang", district=None, year=2020, period="FY",
                      title="UBND tỉnh Tiền Giang công bố điểm Chỉ số cải cách hành chính năm 2020")
    text = ("Bảng điểm Chỉ số cải cách hành chính năm 2020 của UBND cấp huyện xếp từ cao xuống thấp như sau:\n\n"
            "Huyện Chợ Gạo 100,14 điểm, huyện Cai Lậy 100,09 điểm, huyện Gò Công Tây 99,94 điểm, huyện Tân Phước 98,80")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 100.14, "Chợ Gạo", "district"), ("par_index_score", 100.09, "Cai Lậy", "district"),
        ("par_index_score", 99.94, "Gò Công Tây", "district")]  # the item broken off is not: "98,80" may go on


def test_a_share_beside_a_rank_written_in_words_is_the_index_an_earlier_sentence_names():
    context = Context(province="Hà Nội", district=None, year=2021, period="FY",
                      title="Công bố Chỉ số cải cách hành chính năm 2021 của các sở, quận, huyện")
    text = ("Chỉ số cải cách hành chính năm 2021 của các sở dẫn đầu là Sở Tài chính (89,83%). Tại khối quận, huyện: "
            "quận Cầu Giấy giữ vị trí số một (95,24%), quận Hoàn Kiếm đứng thứ hai (93,19%).")
    assert [(r["indicator"], r["value"], r["unit"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 89.83, "score", "Sở Tài chính"), ("par_index_score", 95.24, "score", "Cầu Giấy"),
        ("par_index_score", 93.19, "score", "Hoàn Kiếm")]  # the places in words are no figures: no numeral


def test_a_weekday_is_no_rank_written_in_words():
    context = Context(province="Hà Nội", district=None, year=2021, period="FY",
                      title="Công bố Chỉ số cải cách hành chính năm 2021")
    text = ("Chỉ số cải cách hành chính năm 2021 của thành phố đạt 89,83%.\n\n"
            "Thứ hai, 12/05/2025 08:30 quận Cầu Giấy (95,24%).")
    assert [(r["value"], r["scope"]) for r in extract_figures(text, context)] == [(89.83, "Hà Nội")]


def test_a_sentence_opening_on_an_index_after_a_connective_gives_its_rank_however_far():
    context = Context(province="Cao Bằng", district=None, year=2022, period="FY", title="")
    text = ("Trong đó, Chỉ số CCHC năm 2022 của tỉnh Cao Bằng đạt 84,10% (tăng 3 bậc so với năm 2021), cao hơn mức "
            "trung bình của cả nước 0,52%, xếp thứ 22/63 tỉnh, thành phố.")
    assert [(r["indicator"], r["value"], r["year"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 84.1, 2022, "Cao Bằng"), ("par_index_rank", 22.0, 2022, "Cao Bằng")]


def test_a_place_s_standing_in_the_whole_country_is_its_own_figure_not_a_national_one():
    context = Context(province="Cao Bằng", district=None, year=2022, period="FY", title="")
    text = ("Hải Phòng là địa phương dẫn đầu các tỉnh, thành phố trong cả nước với Chỉ số CCHC đạt 91,05%, thấp nhất "
            "là tỉnh Kon Tum (79,12%).")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 91.05, "Hải Phòng", "province"), ("par_index_score", 79.12, "Kon Tum", "province")]
    text = "Kết quả PAPI năm 2022, Hải Phòng dẫn đầu cả nước với 45,12 điểm, thứ nhì là Đà Nẵng với 44,90 điểm."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("papi_score", 45.12, "Hải Phòng"), ("papi_score", 44.9, "Đà Nẵng")]


def test_bullet_items_run_on_one_line_are_sentences_each():
    context = Context(province="Tiền Giang", district=None, year=2019, period=None, title="Tin tổng hợp tháng 5/2020")
    text = ("+ Trung tâm Kiểm soát bệnh tật tỉnh giám sát 12 xã sau đợt diệt lăng quăng. + Chỉ số cải cách hành chính "
            "năm 2019 của tỉnh Tiền Giang đạt 79,68 điểm, đứng vị trí 48/63 tỉnh thành trong cả nước. - Tỉnh đã tiếp "
            "nhận 170 công dân từ nước ngoài về cách ly.")
    assert [text[start:end] for start, end in sentences(text)] == [
        "+ Trung tâm Kiểm soát bệnh tật tỉnh giám sát 12 xã sau đợt diệt lăng quăng.",
        "+ Chỉ số cải cách hành chính năm 2019 của tỉnh Tiền Giang đạt 79,68 điểm, đứng vị trí 48/63 tỉnh thành trong "
        "cả nước.",
        "- Tỉnh đã tiếp nhận 170 công dân từ nước ngoài về cách ly."]
    assert [(r["indicator"], r["value"], r["year"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 79.68, 2019, "Tiền Giang"), ("par_index_rank", 48.0, 2019, "Tiền Giang")]


def test_the_place_a_news_agency_filed_from_is_no_scope():
    context = Context(province="Thừa Thiên Huế", district=None, year=2023, period="FY", title="")
    text = ("Hà Nội (TTXVN 2/4/2024) Kết quả Chỉ số PAPI năm 2023 cho thấy, trong số 15 tỉnh, thành phố đạt điểm cao "
            "nhất, Thừa Thiên Huế dẫn đầu với 46,04 điểm.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("papi_score", 46.04, "Thừa Thiên Huế")]


def test_an_agency_named_before_an_adverb_is_the_scope():
    context = Context(province="Hải Dương", district=None, year=2023, period="Q3", title="")
    text = ("Sở Tư pháp để phát sinh 2 hồ sơ thủ tục hành chính quá hạn trong quý III. Sở Xây dựng vẫn tiếp nhận "
            "1.250 hồ sơ trong quý III.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("dossiers_late", 2.0, "Sở Tư pháp", "agency"), ("dossiers_received", 1250.0, "Sở Xây dựng", "agency")]


def test_a_department_written_in_lower_case_is_an_agency_but_a_facility_is_not():
    context = Context(province="Bình Thuận", district=None, year=2018, period="FY",
                      title="Công bố Chỉ số cải cách hành chính năm 2018 của các sở, ngành")
    text = ("Chỉ số cải cách hành chính năm 2018 của các sở, ngành: trong đó sở Nội vụ đạt 95,27%.\n\nTỷ lệ hồ sơ "
            "giải quyết đúng hạn tại cơ sở Một cửa đạt 98,1%.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 95.27, "Sở Nội vụ", "agency"), ("dossiers_on_time", 98.1, "Bình Thuận", "province")]


def test_several_agencies_of_one_head_are_a_group_not_a_scope():
    context = Context(province="Thanh Hóa", district=None, year=2025, period="FY", title="")
    text = ("Tại cấp xã, các Trung tâm Phục vụ hành chính công tiếp nhận 339 hồ sơ.\n\n"
            "Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 1.095 hồ sơ.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 1095.0, "Trung tâm Phục vụ hành chính công")]


def test_a_sentence_giving_two_figures_again_with_other_values_is_a_second_breakdown():
    text = ("Trong quý I năm 2024, toàn tỉnh tiếp nhận 6.420 hồ sơ, đã giải quyết 6.310 hồ sơ, trong đó đúng hạn "
            "6.250 hồ sơ, quá hạn 60 hồ sơ.\n\n"
            "Trong quý I năm 2024, số hồ sơ giải quyết qua bộ phận một cửa liên thông là 5.980 hồ sơ, đúng hạn "
            "5.930 hồ sơ.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 6420.0), ("dossiers_resolved", 6310.0), ("dossiers_on_time", 6250.0),
        ("dossiers_late", 60.0)]


def test_a_sentence_giving_one_figure_again_with_another_value_is_kept():
    text = ("Trong quý I năm 2024, toàn tỉnh tiếp nhận 6.420 hồ sơ, đã giải quyết 6.310 hồ sơ.\n\n"
            "Trong quý I năm 2024, toàn tỉnh đã giải quyết 6.315 hồ sơ, quá hạn 12 hồ sơ.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, CAO_BANG_Q1)] == [
        ("dossiers_received", 6420.0), ("dossiers_resolved", 6310.0), ("dossiers_resolved", 6315.0),
        ("dossiers_late", 12.0)]


def _cells(rows):
    return [(r["indicator"], r["value"], r["unit"], r["period"], r["year"], r["scope"], r["scope_level"]) for r in rows]


def test_a_list_item_keeps_its_unit_past_its_rank_until_the_next_semicolon():
    text = ("Kết quả đo lường sự hài lòng năm 2022 được UBND tỉnh công bố ngày 15/3/2023. Cụ thể, đối với các sở, "
            "ngành tỉnh, Sở Tư pháp xếp hạng nhất với tỷ lệ hài lòng đạt 95,12%; Sở Lao động- Thương binh và Xã hội "
            "hạng 2, với tỷ lệ hài lòng 94,07%; Sở Y tế hạng 3, với tỷ lệ hài lòng 93,40%.")
    labour = "Sở Lao động- Thương binh và Xã hội"  # a hyphen glued to a word does not end an agency's name
    assert _cells(extract_figures(text, Context("Hải Dương", None, 2022, "FY"))) == [
        ("sipas", 95.12, "%", "FY", 2022, "Sở Tư pháp", "agency"),
        ("sipas_rank", 2.0, "rank", "FY", 2022, labour, "agency"),
        ("sipas", 94.07, "%", "FY", 2022, labour, "agency"),
        ("sipas_rank", 3.0, "rank", "FY", 2022, "Sở Y tế", "agency"),
        ("sipas", 93.4, "%", "FY", 2022, "Sở Y tế", "agency")]


def test_a_national_ranking_gives_each_named_province_its_figure_under_the_caption_s_index():
    text = ("Bảng xếp hạng Chỉ số SIPAS năm 2023 của các tỉnh, thành phố trong cả nước. Ảnh: Bộ Nội vụ\n"
            "Ở chỉ số này, tỉnh Bắc Ninh dẫn đầu với kết quả đạt 89,95%; đứng thứ 2 là tỉnh Hà Nam đạt 89,70%; thứ 3 "
            "là tỉnh Nam Định đạt 89,41%.")
    national = Context(None, None, 2023, "FY")  # a story about the whole country: no province of its own
    assert _cells(extract_figures(text, national)) == [
        ("sipas", 89.95, "%", "FY", 2023, "Bắc Ninh", "province"),
        ("sipas_rank", 2.0, "rank", "FY", 2023, "Hà Nam", "province"),  # "đứng thứ 2 là tỉnh Hà Nam"
        ("sipas", 89.7, "%", "FY", 2023, "Hà Nam", "province"),
        ("sipas_rank", 3.0, "rank", "FY", 2023, "Nam Định", "province"),  # "; thứ 3 là tỉnh Nam Định"
        ("sipas", 89.41, "%", "FY", 2023, "Nam Định", "province")]
    assert extract_figures("Kết quả đạt 89,95%, đứng thứ 2 cả nước về Chỉ số SIPAS năm 2023.", national) == []


HEADLINED = ("Hội nghị do Ban Chỉ đạo cải cách hành chính của Chính phủ tổ chức sáng 15/5 tại Hà Nội.\n\n"
             "Cụ thể, Lạng Sơn đạt 79,12 điểm, xếp thứ 23/63 tỉnh, thành phố trực thuộc Trung ương, tăng 3 bậc so "
             "với năm 2017.\n\n"
             "Chỉ số thủ tục hành chính công của tỉnh đạt 8,90 điểm, xếp thứ 30/63 tỉnh, thành phố.")


def test_the_headline_names_the_index_of_scores_no_sentence_before_them_names():
    titled = Context("Lạng Sơn", None, 2018, "FY", title="Chỉ số PAR INDEX năm 2018: Lạng Sơn tăng 3 bậc")
    assert _cells(extract_figures(HEADLINED, titled)) == [  # not the part "Chỉ số thủ tục hành chính công"
        ("par_index_score", 79.12, "score", "FY", 2018, "Lạng Sơn", "province"),
        ("par_index_rank", 23.0, "rank", "FY", 2018, "Lạng Sơn", "province")]
    assert extract_figures(HEADLINED, Context("Lạng Sơn", None, 2018, "FY")) == []
    both = Context("Lạng Sơn", None, 2018, "FY", title="Công bố Chỉ số PAR INDEX và SIPAS năm 2018")
    assert extract_figures(HEADLINED, both) == []  # two indices named: which one is unclear


def _bulletin(title, text):
    return SimpleNamespace(title=title, text=text, province="Hà Giang", district=None, year=2023, quarter="FY")


def test_a_figure_only_the_headline_gives_comes_after_the_text_s_at_no_span():
    text = ("Sáng 16/4, Ban Chỉ đạo cải cách hành chính của Chính phủ công bố Chỉ số cải cách hành chính năm 2023 "
            "của các bộ, ngành, địa phương. Theo đó, Hà Giang đạt 84,12 điểm, xếp thứ 41/63 tỉnh, thành phố.")
    start = text.index("Theo đó")
    body = [("par_index_score", 84.12, start), ("par_index_rank", 41.0, start)]

    def rows(title):
        return [(r["indicator"], r["value"], r["start"]) for r in figures_of(_bulletin(title, text))]
    assert rows("Hà Giang tăng 2 bậc về Chỉ số CCHC") == body  # a headline without a figure
    assert rows("Chỉ số CCHC năm 2023: Hà Giang xếp thứ 41/63") == body  # the text gives it too
    only = "Chỉ số CCHC năm 2023: Hà Giang đạt 84,12 điểm, tốp 3 khu vực; SIPAS đạt 82,5%"
    assert rows(only) == body + [("sipas", 82.5, 0)]
    assert [r["end"] for r in figures_of(_bulletin(only, text))][-1] == 0
    assert rows("Hơn 84% người dân hài lòng về Chỉ số SIPAS năm 2023") == body  # the headline rounds
    assert rows("Chỉ số CCHC năm 2023: Hà Giang đạt 48,12 điểm") == body  # at odds with the text: the text's


def test_a_headline_figure_at_odds_with_the_text_is_left_out():
    text = ("Trong 6 tháng đầu năm 2023, Trung tâm Phục vụ hành chính công tỉnh giải quyết 14.594 hồ sơ.\n\n"
            "Tổng số hồ sơ tiếp nhận tại Trung tâm trong 6 tháng đầu năm 2023 là 15.229 hồ sơ.")
    title = "6 tháng đầu năm 2023: Trung tâm Phục vụ hành chính công tỉnh giải quyết 6.976 hồ sơ"
    bulletin = SimpleNamespace(title=title, text=text, province="Hà Giang", district=None, year=2023, quarter="H1")
    centre = "Trung tâm Phục vụ hành chính công"
    assert [(r["indicator"], r["value"], r["scope"]) for r in figures_of(bulletin)] == [
        ("dossiers_resolved", 14594.0, centre), ("dossiers_received", 15229.0, centre)]


def test_the_department_of_a_speaker_who_gives_the_figures_is_not_their_scope():
    text = ("Bà Trần Thị Mai, Phó giám đốc Sở Thông tin và Truyền thông, cho biết trong quý I năm 2024 hệ thống "
            "đã tiếp nhận 150.200 hồ sơ, trong đó 98,7% được giải quyết đúng hạn.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, CAO_BANG_Q1)] \
        == [("dossiers_received", 150200.0, "Cao Bằng", "province"), ("dossiers_on_time", 98.7, "Cao Bằng", "province")]


def test_the_provincial_tier_in_an_index_name_is_part_of_the_name():
    context = Context(province="Quảng Nam", district=None, year=2018, period="FY")
    text = ("Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2018 của Quảng Nam đạt 43,14 điểm, "
            "xếp thứ 33/63 tỉnh, thành phố.\n\nỞ cấp tỉnh, thời gian giải quyết hồ sơ đạt 98,2% đúng hạn.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("papi_score", 43.14, "Quảng Nam"), ("papi_rank", 33.0, "Quảng Nam")]  # the tier's own share stays out
    comma = "Theo Chỉ số hiệu quả quản trị, hành chính công cấp tỉnh PAPI năm 2018, Quảng Nam đạt 43,14 điểm."
    assert [(r["indicator"], r["value"]) for r in extract_figures(comma, context)] == [("papi_score", 43.14)]


def test_the_figures_in_brackets_after_the_year_compared_with_are_that_years():
    context = Context(province="Quảng Nam", district=None, year=2018, period="FY")
    text = ("Chỉ số PAPI năm 2018 của Quảng Nam đạt 43,14 điểm, xếp thứ 33/63 tỉnh, thành phố; giảm 6 bậc dù tăng "
            "điểm so với năm 2017 (đạt 37,08 điểm, đứng thứ 27).")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [
        ("papi_score", 43.14, "FY", 2018), ("papi_rank", 33.0, "FY", 2018),
        ("papi_score", 37.08, "FY", 2017), ("papi_rank", 27.0, "FY", 2017)]


def test_a_national_average_takes_the_one_index_its_sentence_names_however_far_before():
    context = Context(province="Ninh Bình", district=None, year=2024, period="FY")
    text = ("Chỉ số cải cách hành chính năm 2024 của các tỉnh, thành phố tiếp tục duy trì tăng trưởng tích cực qua "
            "nhiều năm liền, với giá trị trung bình cao nhất từ trước đến nay, đạt 88,37%, cao hơn 1,39% so với "
            "năm 2023.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 88.37, "cả nước", "national")]


def test_a_morning_is_one_day_and_a_paragraph_opening_on_a_tier_stays_the_tiers():
    context = Context(province="Tây Ninh", district=None, year=2026, period=None)
    text = ("Theo hệ thống thông tin giải quyết TTHC của tỉnh, trong sáng 23-2, toàn tỉnh đã tiếp nhận 1.665 hồ sơ.\n\n"
            "Cụ thể, cấp xã đã tiếp nhận 1.610 hồ sơ. Trong ngày, đã giải quyết 484 hồ sơ.")
    one_day = "range:2026-02-23..2026-02-23"
    assert [(r["indicator"], r["value"], r["period"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 1665.0, one_day, "Tây Ninh")]


def test_an_agency_head_written_with_capitals_is_still_the_agency():
    context = Context(province="Vĩnh Long", district=None, year=2021, period="FY")
    text = ("Đứng đầu bảng xếp hạng chỉ số cải cách hành chính năm 2021 của tỉnh là Văn phòng UBND Tỉnh, điểm đạt được "
            "là 97,10 điểm, xếp hạng 1. Các thứ hạng tiếp theo lần lượt là: Sở Nội vụ hạng 2; Sở Xây dựng hạng 3 và "
            "đứng cuối bảng xếp hạng là Thanh tra Tỉnh, điểm đạt được là 71,50 điểm, hạng 4.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 97.1, "Văn phòng UBND Tỉnh"), ("par_index_rank", 1.0, "Văn phòng UBND Tỉnh"),
        ("par_index_rank", 2.0, "Sở Nội vụ"), ("par_index_rank", 3.0, "Sở Xây dựng"),
        ("par_index_score", 71.5, "Thanh tra Tỉnh"), ("par_index_rank", 4.0, "Thanh tra Tỉnh")]


def test_a_headline_naming_a_month_dates_the_text_of_a_report_without_a_period():
    text = ("Kết quả cho thấy, có 9.120 hồ sơ được giải quyết đúng hạn và 85 hồ sơ trễ hạn, tỷ lệ giải quyết đúng hạn "
            "đạt 99,08%.")
    context = Context(province="Gia Lai", district=None, year=2025, period=None,
                      title="Kết quả giải quyết thủ tục hành chính tháng 02/2025")
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(text, context)] == [
        ("dossiers_on_time", 9120.0, "month:2025-02"), ("dossiers_late", 85.0, "month:2025-02"),
        ("dossiers_on_time", 99.08, "month:2025-02")]
    undated = Context(province="Gia Lai", district=None, year=2025, period=None, title="Nâng cao chất lượng phục vụ")
    assert extract_figures(text, undated) == []  # no period anywhere: counts over a span no one states


def test_a_ranked_list_with_the_rank_before_the_unit_and_the_score_after_it():
    context = Context(province="Hải Dương", district=None, year=2023, period="FY")
    led = ("Sở Tư pháp dẫn đầu chỉ số cải cách hành chính với tổng số điểm 93,10/100 điểm, đứng thứ 2 là Sở Nội vụ "
           "với 91,40 điểm, đứng thứ 3 là Sở thông tin và Truyền thông với 90,95 điểm.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(led, context)] == [
        ("par_index_score", 93.1, "Sở Tư pháp"), ("par_index_rank", 2.0, "Sở Nội vụ"),
        ("par_index_score", 91.4, "Sở Nội vụ"), ("par_index_rank", 3.0, "Sở thông tin và Truyền thông"),
        ("par_index_score", 90.95, "Sở thông tin và Truyền thông")]
    listed = ("Đối với Chỉ số cải cách hành chính năm 2023 của các sở, ngành: Sở Tư pháp xếp thứ 1 với số điểm 93.10 "
              "điểm; Sở Nội vụ xếp thứ 2 với số điểm 91 điểm.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(listed, context)] == [
        ("par_index_rank", 1.0, "Sở Tư pháp"), ("par_index_score", 93.1, "Sở Tư pháp"),
        ("par_index_rank", 2.0, "Sở Nội vụ"), ("par_index_score", 91.0, "Sở Nội vụ")]


def test_a_sentence_opening_on_its_index_gives_it_scores_beyond_the_cue_window():
    context = Context(province="Lào Cai", district=None, year=2020, period="FY")
    text = ("PAPI 2020 của tỉnh được xếp vào nhóm 16 tỉnh thành có chỉ số trung bình cao với tổng điểm của 08 chỉ số "
            "tổng hợp là 43,12 điểm, đứng thứ 25/63 tỉnh thành.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == [
        ("papi_score", 43.12), ("papi_rank", 25.0)]


def test_a_range_of_values_gives_no_figure():
    context = Context(province="Bắc Kạn", district=None, year=2024, period="FY")
    text = ("Chỉ số hài lòng về sự phục vụ hành chính của tỉnh đạt 78,17%. Các chính sách về an sinh xã hội được "
            "người dân đánh giá cao với mức độ hài lòng từ 79% đến hơn 80%.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == [("sipas", 78.17)]


def test_a_national_story_gives_an_index_s_national_average():
    national = Context(None, None, 2023, "FY")  # a story about the whole country: no province of its own
    text = ("Đặc biệt, Chỉ số PAR INDEX năm 2023 của các tỉnh, thành phố đã trở lại quỹ đạo tăng trưởng tích cực, giá "
            "trị trung bình năm 2023 đạt 86,98%, cao hơn 2,19% so với năm 2022.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, national)] == [
        ("par_index_score", 86.98, "cả nước", "national")]


def test_an_agency_name_ends_before_the_verb_vao():
    context = Context(province="Hải Dương", district=None, year=2017, period="FY")
    text = "Trong năm 2017, Sở Tư pháp vào sổ 11.366 thông tin; 98,86% số phiếu được cấp đúng hạn."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_on_time", 98.86, "Sở Tư pháp")]


def test_an_agency_name_ends_before_the_verb_di():
    context = Context(province="Hà Tĩnh", district=None, year=2025, period=None)
    text = ("Trung tâm Phục vụ hành chính công phường Thành Sen đi vào hoạt động từ ngày 1/7/2025. Từ 1/7/2025 đến "
            "25/9/2025, Trung tâm đã tiếp nhận 8.400 hồ sơ.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 8400.0, "Trung tâm Phục vụ hành chính công phường Thành Sen")]


def test_a_list_whose_lead_names_the_index_gives_its_first_item_beyond_the_cue_window():
    context = Context(province="Kon Tum", district=None, year=2022, period="FY")
    text = ("Ngày 20/02/2023, UBND tỉnh ban hành Quyết định phê duyệt và công bố Chỉ số cải cách hành chính năm 2022 "
            "của 19 sở, ban, ngành thuộc tỉnh, theo đó: Sở Tư pháp dẫn đầu với tổng điểm 92,15; Sở Nội vụ 90,40 "
            "điểm; Ban Dân tộc tỉnh 88,02 điểm.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 92.15, "Sở Tư pháp"), ("par_index_score", 90.4, "Sở Nội vụ"),
        ("par_index_score", 88.02, "Ban Dân tộc")]
    cited = text.replace("theo đó: ", "theo đó ")  # no colon: no lead, so the far first item names no index
    assert [r["value"] for r in extract_figures(cited, context)][:1] != [92.15]


def test_a_district_bulletins_sentence_continues_a_paragraph_that_says_the_district():
    context = Context(province="Quảng Trị", district="Gio Linh", year=2024, period="Q2")
    text = ("Trong quý, toàn huyện tiếp nhận 4.210 hồ sơ, trong đó cấp huyện tiếp nhận 690 hồ sơ, cấp xã tiếp nhận "
            "3.520 hồ sơ. Hồ sơ quá hạn chỉ 5 hồ sơ, chiếm 0,12%, chủ yếu ở lĩnh vực đất đai.\n\n"
            "Hồ sơ quá hạn chỉ 7 hồ sơ.")  # a paragraph of its own that says nobody's: left out
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 4210.0, "Gio Linh"), ("dossiers_late", 5.0, "Gio Linh"),
        ("dossiers_late", 0.12, "Gio Linh")]


def test_a_rank_in_a_sentence_that_reports_dossiers_is_not_the_earlier_sentences_index():
    context = Context(province="Cà Mau", district=None, year=2024, period="FY")
    index = "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2024 của tỉnh đạt 91,40%. "
    ranked = "Theo số liệu của Cổng dịch vụ công, tỉnh Cà Mau hiện giải quyết 2.115 hồ sơ quá hạn, đứng thứ 9/34 tỉnh."
    found = [(r["indicator"], r["value"]) for r in extract_figures(index + ranked, context)]
    assert ("sipas", 91.4) in found and ("sipas_rank", 9.0) not in found
    alone = "Theo bảng xếp hạng công bố, tỉnh Cà Mau đứng thứ 9/34 tỉnh."  # no dossiers: the earlier index's rank
    assert ("sipas_rank", 9.0) in [(r["indicator"], r["value"]) for r in extract_figures(index + alone, context)]


def test_a_sentence_without_figures_that_names_a_month_or_a_span_gives_its_paragraph_the_period():
    context = Context(province="Cà Mau", district=None, year=2018, period=None)
    text = ("Trong tháng 2/2018 có 1.555 lượt người tham gia đánh giá mức độ hài lòng về giải quyết thủ tục hành "
            "chính. Tại Trung tâm Giải quyết thủ tục hành chính của tỉnh, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,6%.")
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(text, context)] == [
        ("dossiers_on_time", 98.6, "month:2018-02")]
    week = text.replace("Trong tháng 2/2018 có", "Trong tuần (từ 27.4 đến 3.5.2018) có")
    assert [r["period"] for r in extract_figures(week, context)] == ["range:2018-04-27..2018-05-03"]
    stated = ("Trong quý I/2018, tỉnh tiếp nhận 12.500 hồ sơ. Trong tháng 3 có 1.555 lượt người đánh giá. Tỷ lệ hồ "
              "sơ giải quyết đúng hạn đạt 98,6%.")  # a period the paragraph already carries is not replaced
    assert [r["period"] for r in extract_figures(stated, context)] == ["Q1", "Q1"]


def test_a_provinces_own_index_with_bonus_points_may_pass_100():
    context = Context(province="Bến Tre", district=None, year=2021, period="FY")
    text = ("Bảng điểm Chỉ số cải cách hành chính năm 2021 của cơ quan ngành dọc xếp từ cao xuống thấp như sau: Cục "
            "Thuế tỉnh 101,75 điểm, Kho bạc Nhà nước tỉnh 99,40 điểm. Chỉ số cải cách hành chính của tỉnh đạt 120 "
            "điểm.")  # past any bonus: no index score
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 101.75, "Cục Thuế"), ("par_index_score", 99.4, "Kho bạc Nhà nước")]


def test_a_comma_listing_two_cues_is_one_clause_but_a_longer_cue_after_it_is_the_numbers():
    listed = "Trong quý I, tỉnh đã tiếp nhận, giải quyết đúng hạn 4.900 hồ sơ của người dân."
    apart = "Trong quý I, tỉnh tiếp nhận 5.000 hồ sơ, giải quyết 4.900 hồ sơ."
    assert [(r["indicator"], r["value"]) for r in extract_figures(listed, CAO_BANG_Q1)] == [
        ("dossiers_on_time", 4900.0)]
    assert [(r["indicator"], r["value"]) for r in extract_figures(apart, CAO_BANG_Q1)] == [
        ("dossiers_received", 5000.0), ("dossiers_resolved", 4900.0)]


@pytest.mark.parametrize("regional", [
    "Tỉnh tiếp tục giữ vị trí thứ 4/14 tỉnh khu vực miền núi phía Bắc.",
    "So với 13 tỉnh, thành phố khu vực đồng bằng sông Cửu Long, tỉnh đứng thứ 9/13.",
    "Tỉnh xếp thứ 4/14 tỉnh thành thuộc khu vực miền núi phía Bắc.",
])
def test_a_rank_among_a_regions_provinces_is_no_figure_however_the_region_is_written(regional):
    context = Context(province="Cao Bằng", district=None, year=2023, period="FY")
    text = ("Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023: tỉnh Cao Bằng đạt 84,10 điểm, xếp thứ 22/63 "
            "tỉnh, thành phố. " + regional)
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 84.1), ("par_index_rank", 22.0)]


@pytest.mark.parametrize("other", [
    "Riêng thị xã, kết quả thực hiện Bộ chỉ số 766 đạt 83,8 điểm, đứng thứ 6/9 huyện, thị xã, thành phố.",
    "Qua khảo sát, 96,5% người được hỏi hài lòng đối với cấp ủy, chính quyền thị xã.",
])
def test_a_score_of_the_service_index_or_a_party_survey_is_not_the_satisfaction_index(other):
    context = Context(province="Bình Dương", district="Bến Cát", year=2024, period="FY")
    text = "Năm 2024, chỉ số hài lòng (SIPAS) của thị xã Bến Cát đạt 85,2%. " + other
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == [("sipas", 85.2)]


def test_another_index_named_after_and_leaves_the_figure_before_it_alone():
    context = Context(province="Bình Dương", district=None, year=2024, period="FY")
    text = "Năm 2024, chỉ số SIPAS của tỉnh đạt 85,2% và chỉ số PCI đạt 65,1 điểm."
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == [("sipas", 85.2)]


@pytest.mark.parametrize("district", [None, "Phú Giáo"])  # also in the district's own bulletin, where a sentence
# that names neither the district nor a centre says nothing of whose figures it gives
def test_the_centre_alone_is_the_service_centre_the_text_named_before(district):
    context = Context(province="Bình Dương", district=district, year=2025, period="Q3")
    text = ("Đoàn giám sát làm việc với Trung tâm Phục vụ hành chính công xã Phú Giáo, nghe báo cáo quý III.\n\n"
            "Từ ngày 1-7 đến ngày 30-9, Trung tâm tiếp nhận 13.188 hồ sơ, đã giải quyết 12.970 hồ sơ. Tỷ lệ hồ sơ "
            "giải quyết đúng và trước hạn đạt 99,2%.\n\n"
            "Toàn tỉnh tiếp nhận 310.000 hồ sơ trong quý III. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,1%.")
    centre = "Trung tâm Phục vụ hành chính công xã Phú Giáo"
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 13188.0, centre, "agency"), ("dossiers_resolved", 12970.0, centre, "agency"),
        ("dossiers_on_time", 99.2, centre, "agency"),  # the rest of its paragraph is the centre's too
        ("dossiers_received", 310000.0, "Bình Dương", "province"), ("dossiers_on_time", 98.1, "Bình Dương", "province")]


def test_a_number_after_trong_do_that_names_no_indicator_of_its_own_is_a_part_of_the_figure_before():
    context = Context(province="Phú Thọ", district=None, year=2018, period="H1")
    parts = "Hồ sơ đã có kết quả giải quyết là 5676 trong đó: 3731 hồ sơ có kết quả trước thời hạn."
    assert extract_figures(parts, context) == []  # 3731 is no resolved total (5676, unseparated, is not read)
    whole = "Hồ sơ đã giải quyết là 5.676 hồ sơ, trong đó: 3.731 hồ sơ thuộc thẩm quyền cấp tỉnh."
    assert [(r["indicator"], r["value"]) for r in extract_figures(whole, context)] == [("dossiers_resolved", 5676.0)]


def test_a_list_after_a_count_of_its_units_and_a_colon_gives_each_units_share_of_the_index():
    context = Context(province="Hà Tĩnh", district=None, year=2023, period="FY")
    text = ("Theo đó, đối với khối sở, ban, ngành, Chỉ số cải cách hành chính bình quân đạt 84,20%, trong đó có 3 đơn "
            "vị xếp ở nhóm đầu lần lượt là: (1) Sở Tư pháp đạt 91,15%, (2) Sở Xây dựng đạt 90,40%, (3) Văn phòng "
            "UBND tỉnh đạt 89,75%.\n\n"
            "Năm nay có 5 sở đạt trên 90%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_rank", 1.0, "Sở Tư pháp"), ("par_index_score", 91.15, "Sở Tư pháp"),
        ("par_index_rank", 2.0, "Sở Xây dựng"), ("par_index_score", 90.4, "Sở Xây dựng"),
        ("par_index_rank", 3.0, "Văn phòng UBND"), ("par_index_score", 89.75, "Văn phòng UBND")]  # "(1)": places


def test_a_ministry_is_a_scope_without_a_province_and_its_name_in_short_is_the_same_ministry():
    national = Context(province=None, district=None, year=2019, period="FY")
    text = ("Ngày 12/5/2020, Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2019 của các bộ, cơ quan ngang bộ.\n\n"
            "Kết quả cho thấy, Bộ Tư pháp đứng đầu (đạt 90,12%), xếp thứ 2 Ngân hàng Nhà nước (đạt 89,96%).\n\n"
            "Chỉ số cải cách hành chính năm 2019 của Bộ Thông tin và Truyền thông đạt 86,40%, tăng 3 bậc.\n\n"
            "Năm nay, Bộ TT&TT đạt 86,40%, đứng thứ 8.\n\n"
            "Bộ phận một cửa của Sở Tư pháp tiếp nhận 1.200 hồ sơ.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"])
            for r in extract_figures(text, national)] == [
        ("par_index_score", 90.12, "Bộ Tư pháp", "agency"), ("par_index_rank", 2.0, "Ngân hàng Nhà nước", "agency"),
        ("par_index_score", 89.96, "Ngân hàng Nhà nước", "agency"),
        ("par_index_score", 86.4, "Bộ Thông tin và Truyền thông", "agency"),
        ("par_index_rank", 8.0, "Bộ TT&TT", "agency")]


def test_a_ministry_that_rates_the_province_named_is_not_the_scope():
    context = Context(province="Thái Nguyên", district=None, year=2023, period="FY")
    text = "Theo đánh giá, xếp hạng của Bộ Nội vụ, chỉ số SIPAS năm 2023 của tỉnh Thái Nguyên đạt 90,29%."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("sipas", 90.29, "Thái Nguyên")]


def test_a_plan_or_tourism_in_a_departments_name_does_not_end_a_list():
    context = Context(province="Gia Lai", district=None, year=2020, period="FY")
    text = ("UBND tỉnh công bố Chỉ số cải cách hành chính năm 2020 của 20 sở, ban, ngành tỉnh, theo đó: Sở Tư pháp "
            "xếp thứ nhất với tổng điểm 94,10; Sở Kế hoạch và Đầu tư 90,25 điểm; Sở Văn hóa, Thể thao và Du lịch "
            "88,40 điểm; Sở Y tế 80,12 điểm.")
    assert [(r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        (94.1, "Sở Tư pháp"), (90.25, "Sở Kế hoạch và Đầu tư"), (88.4, "Sở Văn hóa, Thể thao và Du lịch"),
        (80.12, "Sở Y tế")]


def test_an_agencys_name_ends_before_the_tier_it_serves():
    context = Context(province="Vĩnh Phúc", district=None, year=2021, period="FY")
    text = "Trong năm 2021, Trung tâm Phục vụ hành chính công cấp tỉnh đã tiếp nhận 52.000 hồ sơ."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 52000.0, "Trung tâm Phục vụ hành chính công")]


def test_a_sentence_of_other_figures_gives_the_next_ones_of_its_paragraph_its_period_and_no_further():
    context = Context(province="Cà Mau", district=None, year=2023, period=None)
    lead = "Quý II/2023, tỷ lệ giải ngân vốn đầu tư công đạt 85%."  # figures of no indicator, but a period
    rest = "Toàn tỉnh tiếp nhận 1.439 hồ sơ, giải quyết đúng hạn 1.400 hồ sơ."
    assert [(r["indicator"], r["period"], r["year"]) for r in extract_figures(f"{lead} {rest}", context)] == [
        ("dossiers_received", "Q2", 2023), ("dossiers_on_time", "Q2", 2023)]
    assert extract_figures(f"{lead}\n{rest}", context) == []  # a new paragraph carries nothing: no period at all


def test_a_headline_whose_numbers_are_no_figures_or_given_is_not_read_again_with_the_text(monkeypatch):
    import indexer.figures as figures
    text = ("Sáng 16/4, Ban Chỉ đạo cải cách hành chính của Chính phủ công bố Chỉ số cải cách hành chính năm 2023 "
            "của các bộ, ngành, địa phương. Theo đó, Hà Giang đạt 84,12 điểm, xếp thứ 41/63 tỉnh, thành phố.")
    reads = []
    real = figures._read_rows
    monkeypatch.setattr(figures, "_read_rows", lambda text, *a, **k: reads.append(text) or real(text, *a, **k))
    assert [r["indicator"] for r in figures_of(_bulletin("Hội nghị lần thứ 5 về cải cách hành chính", text))] \
        == ["par_index_score", "par_index_rank"]
    assert reads == [text, "Hội nghị lần thứ 5 về cải cách hành chính"]  # the headline alone, then no more
    reads.clear()
    title = "Hà Giang: SIPAS đạt 82,5%"  # a figure the text does not give: read with the text
    assert [r["indicator"] for r in figures_of(_bulletin(title, text))] == ["par_index_score", "par_index_rank",
                                                                             "sipas"]
    assert reads == [text, title, f"{title}\n{text}"]
    reads.clear()
    title = "Chỉ số CCHC năm 2023: Hà Giang xếp thứ 41/63"  # a figure the text gives too: read alone only
    assert [r["indicator"] for r in figures_of(_bulletin(title, text))] == ["par_index_score", "par_index_rank"]
    assert reads == [text, title]


def test_satisfaction_with_rural_development_or_health_care_is_no_sipas_figure():
    context = Context(province="Đồng Tháp", district=None, year=2020, period="FY")
    said = "Kết quả khảo sát cho thấy {} người dân hài lòng về {}."
    administration = said.format("98,5%", "việc giải quyết thủ tục hành chính")
    assert [(r["indicator"], r["value"]) for r in extract_figures(administration, context)] == [("sipas", 98.5)]
    for other in ("kết quả xây dựng nông thôn mới", "chất lượng khám chữa bệnh", "dịch vụ y tế tại trạm y tế xã"):
        assert extract_figures(said.format("98,5%", other), context) == []


def test_the_whole_countrys_index_is_national_and_a_province_ranked_among_all_is_not():
    context = Context(province="Ninh Thuận", district=None, year=2022, period="FY")
    text = ("Mức độ hài lòng về sự phục vụ của cơ quan hành chính nhà nước nói chung trong cả nước năm 2022 (SIPAS "
            "2022) ở mức 80,08%.\n\n"
            "Chỉ số SIPAS 2022 của tỉnh Ninh Thuận xếp thứ 12/63 tỉnh, thành phố trong cả nước, đạt 84,50%.\n\n"
            "Hai địa phương dẫn đầu của cả nước là Hà Nội và Hải Phòng có chỉ số SIPAS lần lượt là 90,10% và 89,20%.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, context)] == [
        ("sipas", 80.08, "cả nước"), ("sipas_rank", 12.0, "Ninh Thuận"), ("sipas", 84.5, "Ninh Thuận")]


def test_an_unnamed_province_at_the_top_or_the_bottom_or_provinces_counted_by_a_threshold_give_no_figure():
    context = Context(province="Vĩnh Long", district=None, year=2024, period="FY")
    for sentence in ("Năm 2024, tỉnh có mức độ hài lòng cao nhất khu vực đạt 86,58% và tỉnh thấp nhất đạt 80,21%.",
                     "Về Chỉ số SIPAS 2024, có 5 tỉnh, thành có mức độ hài lòng đạt trên 90%; 55 tỉnh đạt trên 80%."):
        assert extract_figures(sentence, context) == []
    named = "Chỉ số SIPAS 2024 của Vĩnh Long thuộc nhóm 16 tỉnh, thành có mức độ hài lòng cao, đạt 84,20%."
    assert [(r["indicator"], r["value"]) for r in extract_figures(named, context)] == [("sipas", 84.2)]


def test_the_parts_of_an_index_after_trong_do_and_papi_dimensions_by_name_are_no_figures_of_the_index():
    context = Context(province="Hồ Chí Minh", district=None, year=2017, period="FY")
    text = ("Chỉ số SIPAS 2017 của Thành phố đạt 83,40%; trong đó, mức độ hài lòng đối với việc cung ứng dịch vụ "
            "hành chính công là 84,10%.\n\n"
            "Chỉ số PAPI 2017 của Thành phố xếp thứ 20/63. Đáng lưu ý, chỉ số về “Kiểm soát tham nhũng trong khu vực "
            "công” của Thành phố xếp thứ 55/63 tỉnh, thành.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == [("sipas", 83.4),
                                                                                      ("papi_rank", 20.0)]


def test_a_share_after_muc_or_chi_so_is_a_value_and_a_rise_gives_the_value_reached():
    context = Context(province="Đắk Lắk", district=None, year=2022, period="FY")
    text = ("Năm 2022, Sở Khoa học và Công nghệ đã cải thiện Chỉ số cải cách hành chính từ chỉ số 78,29% (năm 2021) "
            "lên 79,57% (năm 2022).\n\n"
            "Năm 2022, tỷ lệ hồ sơ giải quyết đúng hạn của tỉnh tăng từ 95,1% lên 98,2%.\n\n"
            "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của tỉnh năm 2022 ở mức 86,40%.")
    assert [(r["indicator"], r["value"], r["year"], r["scope"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 78.29, 2021, "Sở Khoa học và Công nghệ"),
        ("par_index_score", 79.57, 2022, "Sở Khoa học và Công nghệ"),
        ("dossiers_on_time", 98.2, 2022, "Đắk Lắk"), ("sipas", 86.4, 2022, "Đắk Lắk")]


def _placed(province, title, text):
    bulletin = SimpleNamespace(title=title, text=text, province=province, district=None, year=2023, quarter="FY")
    return [(r["value"], r["scope"], r["scope_level"], r["province"]) for r in figures_of(bulletin)]


def test_each_figure_names_the_province_its_scope_lies_in():
    provincial = ("Sáng 15/3/2024, UBND tỉnh Long An tổ chức hội nghị công bố Chỉ số cải cách hành chính năm 2023 "
                  "của các sở, ban, ngành tỉnh và UBND các huyện, thị xã, thành phố.\n\n"
                  "Chỉ số cải cách hành chính năm 2023 của Sở Tư pháp đạt 91,25 điểm, dẫn đầu khối sở, ban, ngành "
                  "tỉnh. Ở khối cơ quan Trung ương đóng trên địa bàn, Ngân hàng Nhà nước chi nhánh tỉnh đạt 90,12 "
                  "điểm.\n\nKhối huyện, thị xã, thành phố có huyện Châu Thành dẫn đầu về Chỉ số cải cách hành chính "
                  "với 89,40 điểm. Chỉ số cải cách hành chính năm 2023 của xã Thanh Phú đạt 88,20 điểm.")
    assert _placed("Long An", "Long An công bố Chỉ số cải cách hành chính năm 2023", provincial) == [
        (91.25, "Sở Tư pháp", "agency", "Long An"),
        (90.12, "Ngân hàng Nhà nước", "agency", "Long An"),  # the State Bank's branch in the province
        (89.4, "Châu Thành", "district", "Long An"),  # a name ten provinces have: the bulletin's
        (88.2, "xã Thanh Phú", "commune", "Long An")]
    national = ("Chiều 16/4, Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023 của các bộ, cơ quan ngang bộ và "
                "các tỉnh, thành phố trực thuộc Trung ương.\n\nỞ khối bộ, Ngân hàng Nhà nước Việt Nam tiếp tục dẫn "
                "đầu với 91,02 điểm. Bộ Tư pháp xếp thứ hai với Chỉ số cải cách hành chính đạt 89,88 điểm.")
    assert _placed("Hà Nội", "Công bố Chỉ số cải cách hành chính năm 2023 của các bộ", national) == [
        (91.02, "Ngân hàng Nhà nước", "agency", None),  # a city paper's national story: ministries of no province
        (89.88, "Bộ Tư pháp", "agency", None)]


def test_a_date_written_with_dots_as_newspapers_do_dates_a_count_to_that_day():
    sentence = ("Tính đến ngày 30.6.2024, tỉnh đã cung cấp 1.204 dịch vụ công trực tuyến, trong đó có 412 dịch vụ "
                "công trực tuyến toàn trình và 792 dịch vụ công trực tuyến một phần trên Cổng Dịch vụ công.")
    expected = [("online_services_full", 412.0, None, 2024), ("online_services_partial", 792.0, None, 2024)]
    for written in (sentence, sentence.replace("ngày 30.6.2024", "tháng 6.2024")):
        assert [(r["indicator"], r["value"], r["period"], r["year"])
                for r in extract_figures(written, Context("Cao Bằng", None, 2024, None))] == expected


def test_the_province_is_the_one_written_with_the_scope_not_one_named_further_on():
    index = "Chỉ số cải cách hành chính năm 2023 của "
    assert _placed("Long An", "Kết quả Chỉ số cải cách hành chính năm 2023", "\n\n".join([
        index + "Sở Tư pháp đạt 91,25 điểm, chỉ xếp sau Sở Tư pháp tỉnh Tây Ninh.",
        index + "xã Thanh Phú đạt 88,20 điểm, học tập kinh nghiệm của tỉnh Bình Dương.",
        index + "huyện Châu Thành (tỉnh Tây Ninh) đạt 86,75 điểm.",
        index + "Ngân hàng Nhà nước - Chi nhánh tỉnh Long An đạt 90,12 điểm.",
        index + "Ngân hàng Nhà nước Việt Nam chi nhánh Long An đạt 89,50 điểm."])) == [
        (91.25, "Sở Tư pháp", "agency", "Long An"), (88.2, "xã Thanh Phú", "commune", "Long An"),
        (86.75, "Châu Thành", "district", "Tây Ninh"), (90.12, "Ngân hàng Nhà nước", "agency", "Long An"),
        (89.5, "Ngân hàng Nhà nước", "agency", "Long An")]


def test_a_number_with_a_dot_after_tinh_den_is_no_date():
    sentence = "Tính đến 30.000 hồ sơ trực tuyến, tỉnh đã tiếp nhận 1.204 hồ sơ trong quý I năm 2024."
    assert [(r["indicator"], r["value"], r["period"]) for r in extract_figures(sentence, CAO_BANG_Q1)] == [
        ("dossiers_online", 30000.0, "Q1"), ("dossiers_received", 1204.0, "Q1")]  # the quarter's, no count to a day


def test_services_counted_over_a_span_of_days_are_what_exists_at_its_end():
    """A count of online services is a stock: "lũy kế từ ngày 1-1 đến 14-11-2024" dates it, it is no flow of the
    span; the dossiers filed online in the same span are one."""
    text = ("Thống kê lũy kế từ ngày 1-1 đến 14-11-2024, tổng số dịch vụ công trực tuyến của tỉnh là 1.542, gồm: "
            "1.036 dịch vụ công trực tuyến toàn trình và 506 dịch vụ công trực tuyến một phần.\n\n"
            "Từ ngày 01/01 đến 14/11/2024, số hồ sơ tiếp nhận trực tuyến là 174.411 hồ sơ.")
    assert [(r["indicator"], r["value"], r["period"], r["year"])
            for r in extract_figures(text, Context("Bến Tre", None, 2024, None))] == [
        ("online_services_full", 1036.0, None, 2024), ("online_services_partial", 506.0, None, 2024),
        ("dossiers_online", 174411.0, "range:2024-01-01..2024-11-14", 2024)]


def test_a_special_zone_is_a_commune_level_scope_and_a_share_of_the_late_ones_no_late_rate():
    """Since July 2025 a special zone (đặc khu) is a unit of the commune level; its part of the province's late
    dossiers is its own count, and its share of them ("chiếm 66% tổng số hồ sơ quá hạn") is no late rate."""
    text = ("Qua thống kê, tỉnh Quảng Ninh hiện còn 1.250 hồ sơ xử lý quá hạn.\n\n"
            "Trong đó, đặc khu Vân Đồn có 820 hồ sơ quá hạn, chiếm gần 66% tổng số hồ sơ quá hạn toàn tỉnh.")
    assert [(r["indicator"], r["value"], r["unit"], r["scope"], r["scope_level"])
            for r in extract_figures(text, Context("Quảng Ninh", None, 2026, "FY"))] == [
        ("dossiers_late", 1250.0, "count", "Quảng Ninh", "province"),
        ("dossiers_late", 820.0, "count", "đặc khu Vân Đồn", "commune")]


@pytest.mark.parametrize("title, scope", [
    ("Trung tâm Phục vụ hành chính công giải quyết hơn 59 ngàn hồ sơ", ("Trung tâm Phục vụ hành chính công", "agency")),
    ("Sở Nội vụ tổ chức hội nghị sơ kết công tác cải cách hành chính quý III", ("Hà Giang", "province")),
])
def test_a_headline_opening_on_the_agency_that_handles_the_dossiers_makes_them_its_own(title, scope):
    """Where no sentence names a unit, a bulletin headed by the agency that receives or resolves dossiers reports
    that agency's; one headed by an agency that meets or reports is about the province."""
    text = ("Thống kê trong quý III-2020, số lượng hồ sơ tiếp nhận tăng, với tổng số 25,2 ngàn hồ sơ, tăng 9,6 ngàn "
            "hồ sơ so với quý II-2020.")
    rows = figures_of(SimpleNamespace(title=title, text=text, province="Hà Giang", district=None, year=2020,
                                      quarter="Q3"))
    assert [(r["indicator"], r["value"], r["period"], r["scope"], r["scope_level"]) for r in rows] == [
        ("dossiers_received", 25200.0, "Q3", *scope)]


LIST_REPORT = "\n\n".join([
    "BÁO CÁO Tình hình tiếp nhận và giải quyết thủ tục hành chính trên địa bàn huyện Bảo Lạc tháng 5/2024",
    "1. Kết quả tiếp nhận, giải quyết thủ tục hành chính",
    "* Đối với huyện:",
    "- Số hồ sơ tiếp nhận: 742 hồ sơ (1), trong đó:",
    "+ Hồ sơ tiếp nhận mới: 655 hồ sơ;",
    "+ Hồ sơ từ kỳ trước chuyển sang: 87 hồ sơ.",
    "- Số hồ sơ đã giải quyết: 610 hồ sơ, trong đó:",
    "+ Hồ sơ giải quyết trước và đúng hạn: 598 hồ sơ; (2)",
    "+ Hồ sơ trễ hạn: 12 hồ sơ.",
    "- Tỷ lệ hồ sơ giải quyết trước và đúng hạn: (2)/(1)*100% = 98,03%.",
    "* Đối với xã, thị trấn:",
    "- Số hồ sơ tiếp nhận: 1.120 hồ sơ;",
    "- Hồ sơ trễ hạn: 5 hồ sơ.",
])


def test_a_reports_list_takes_the_unit_its_heading_names_and_item_marks_are_no_figures():
    """A district report written as a list: the items under "* Đối với huyện:" are the district's (the headline's
    month their period), those under "* Đối với xã, thị trấn:" a tier's (left out); "(1)", "(2)" mark items and
    "*100%" is a formula's factor; the received count is the newly received one, not the total with the dossiers
    carried over."""
    context = Context("Cao Bằng", "Bảo Lạc", 2024, None, "Kết quả giải quyết thủ tục hành chính tháng 5/2024")
    assert [(r["indicator"], r["value"], r["unit"], r["period"], r["scope"], r["scope_level"])
            for r in extract_figures(LIST_REPORT, context)] == [
        ("dossiers_received", 655.0, "count", "month:2024-05", "Bảo Lạc", "district"),
        ("dossiers_resolved", 610.0, "count", "month:2024-05", "Bảo Lạc", "district"),
        ("dossiers_on_time", 598.0, "count", "month:2024-05", "Bảo Lạc", "district"),
        ("dossiers_late", 12.0, "count", "month:2024-05", "Bảo Lạc", "district"),
        ("dossiers_on_time", 98.03, "%", "month:2024-05", "Bảo Lạc", "district")]


def test_the_one_stop_shops_name_names_no_indicator():
    """"Bộ phận tiếp nhận và trả kết quả" (the one-stop shop) holds the words of two indicators; as the unit that
    receives, it makes no count doubtful."""
    text = ("Trong năm 2023, Bộ phận tiếp nhận và trả kết quả huyện Bảo Lạc tiếp nhận 5.240 hồ sơ, giải quyết đúng "
            "hạn 5.198 hồ sơ.")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(text, Context(
        "Cao Bằng", None, 2023, "FY"))] == [("dossiers_received", 5240.0, "Bảo Lạc"), ("dossiers_on_time", 5198.0,
                                                                                       "Bảo Lạc")]


def test_a_ministrys_department_is_a_scope_in_a_bulletin_of_no_province():
    """A "Cục" is a department of a ministry (or its branch in a province): in a national bulletin its index is
    its own, as a "Tổng cục"'s is."""
    text = ("Đối với các đơn vị khối cục, Cục Tin học và Thống kê tài chính đứng đầu về điểm Chỉ số cải cách hành "
            "chính năm 2023 là 91,5 điểm.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"], r["province"])
            for r in figures_of(SimpleNamespace(title="Bộ Tài chính công bố Chỉ số cải cách hành chính năm 2023",
                                                text=text, province=None, district=None, year=2023,
                                                quarter="FY"))] == [
        ("par_index_score", 91.5, "Cục Tin học và Thống kê tài chính", "agency", None)]


@pytest.mark.parametrize("sentence, shares", [
    # the two top levels of a rating scale, each given its share: parts of the satisfied share
    ("Năm 2021, kết quả số phiếu khảo sát rất hài lòng 492/721, tỷ lệ 68,24%; số phiếu khảo sát hài lòng 229/721, "
     "tỷ lệ 31,76%; không có phiếu bình thường.", []),
    ("Năm 2021, có 854 lượt đánh giá công chức tại Trung tâm, trong đó đánh giá Rất hài lòng: 825 lượt (chiếm tỷ lệ "
     "96,60%), Hài lòng: 28 lượt (chiếm tỷ lệ 3,27%).", []),
    # the whole: both levels together, the top level alone, or the plain level before its top part
    ("Năm 2021, trên 97% tổ chức, cá nhân hài lòng và rất hài lòng, trong đó, chỉ có 2,87% chưa hài lòng.", [97.0]),
    ("Năm 2021, trên 95% người dân rất hài lòng với thái độ phục vụ của công chức tại Trung tâm.", [95.0]),
    ("Năm 2021, tỷ lệ hài lòng của người dân đạt 96,5%, trong đó rất hài lòng chiếm 60%.", [96.5]),
])
def test_a_share_of_one_level_of_a_rating_scale_is_no_satisfaction_figure(sentence, shares):
    context = Context(province="Bình Dương", district=None, year=2021, period="FY")
    assert [r["value"] for r in extract_figures(sentence, context) if r["indicator"] == "sipas"] == shares


def test_a_listed_province_spelt_otherwise_is_its_item_s_unit():
    context = Context(province="Kon Tum", district=None, year=2023, period="FY")
    text = ("Năm 2023, Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước của tỉnh đạt "
            "82,10%. Đứng thứ hai trong khu vực Tây Nguyên, xếp sau tỉnh Gia Lai (83,84%), xếp trước các tỉnh: Đăk Lăk "
            "(81,49%), Đăk Nông (81,21%), Lâm Đồng (80,38%).")
    assert [(r["value"], r["scope"]) for r in extract_figures(text, context) if r["indicator"] == "sipas"] == [
        (82.1, "Kon Tum"), (83.84, "Gia Lai"), (81.49, "Đắk Lắk"), (81.21, "Đắk Nông"), (80.38, "Lâm Đồng")]


@pytest.mark.parametrize("sentence, period", [
    ("Những tháng đầu năm 2025, tỷ lệ hồ sơ tiếp nhận trực tuyến của tỉnh đạt 94,10%.", None),  # no span said
    ("Trong 6 tháng đầu năm 2025, tỷ lệ hồ sơ tiếp nhận trực tuyến của tỉnh đạt 94,10%.", "H1"),
])
def test_the_first_months_of_a_year_name_no_span(sentence, period):
    context = Context(province="Phú Yên", district=None, year=2025, period="FY")
    assert [(r["indicator"], r["value"], r["period"], r["year"]) for r in extract_figures(sentence, context)] == [
        ("dossiers_online", 94.1, period, 2025)]


def test_the_year_of_a_target_is_not_the_figure_s():
    context = Context(province="Hồ Chí Minh", district=None, year=2025, period=None)
    text = ("Đến tháng 10/2025, tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 43,46%, vượt chỉ tiêu năm 2025.\n\n"
            "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 43,46%, vượt chỉ tiêu năm 2025.")
    assert [(r["value"], r["period"], r["year"]) for r in extract_figures(text, context)] == [(43.46, None, 2025)]


def test_figures_opening_a_sentence_belong_to_the_subject_after_them():
    context = Context(province="Bình Định", district=None, year=2017, period="FY")
    fronted = "Với chỉ số CCHC năm 2017 đạt 82,36%, Văn phòng UBND tỉnh được xếp loại Tốt và đứng thứ 2 trong Khối."
    after = "Năm 2017, chỉ số CCHC của tỉnh đạt 82,36%, cao hơn tỉnh Phú Yên."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(fronted, context)][0] == (
        "par_index_score", 82.36, "Văn phòng UBND")
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(after, context)] == [
        ("par_index_score", 82.36, "Bình Định")]


def test_a_bare_service_centre_in_a_sentence_on_one_commune_is_the_commune_s_own():
    context = Context(province="Nghệ An", district=None, year=2025, period=None)
    text = ("Tại xã Vạn An, từ ngày 1/7 đến 21/9/2025, Trung tâm phục vụ hành chính công đã tiếp nhận 6.177 hồ sơ. "
            "Đáng chú ý, tỷ lệ nộp trực tuyến đạt tới 89,24%.")
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"]) for r in extract_figures(text, context)] == [
        ("dossiers_received", 6177.0, "xã Vạn An", "commune"), ("dossiers_online", 89.24, "xã Vạn An", "commune")]
    provincial = "Tại xã Vạn An, Trung tâm Phục vụ hành chính công tỉnh Nghệ An đã tiếp nhận 6.177 hồ sơ năm 2025."
    assert extract_figures(provincial, context) == []  # the province's centre at a commune: whose, unclear


@pytest.mark.parametrize("sentence", [
    "Năm 2021, 5 lĩnh vực tăng bậc gồm: Công tác chỉ đạo điều hành, xếp thứ 28/63 tỉnh, thành phố, tăng 34 bậc.",
    "Đánh giá tác động của CCHC đến người dân, tổ chức năm 2018 có sự cải thiện nổi bật, xếp thứ 28/63.",
])
def test_a_rank_of_one_area_of_the_par_index_is_no_rank_of_the_index(sentence):
    context = Context(province="Kon Tum", district=None, year=2021, period="FY",
                      title="Chỉ số cải cách hành chính năm 2021 của tỉnh tăng 10 bậc")
    text = "Năm 2021, Chỉ số cải cách hành chính của tỉnh xếp thứ 40/63.\n\n" + sentence
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == [("par_index_rank", 40.0)]


def test_a_place_among_districts_is_no_commune_s_place():
    context = Context(province="Yên Bái", district="Trấn Yên", year=2022, period="FY")
    commune = "Năm 2022, chỉ số cải cách hành chính của thị trấn Cổ Phúc đạt 88,2 điểm."
    district = "Chỉ số hài lòng (SIPAS) của người dân đạt 91,3%, đứng thứ 4/9 huyện, thị xã, thành phố."
    assert [(r["indicator"], r["value"], r["scope"], r["scope_level"])
            for r in extract_figures(commune + " " + district, context)] == [
        ("par_index_score", 88.2, "thị trấn Cổ Phúc", "commune")]  # the SIPAS share and rank: a district's
    ranked = "Chỉ số cải cách hành chính năm 2022 của thị trấn Cổ Phúc xếp thứ 2/21 xã, thị trấn."
    assert [(r["indicator"], r["value"], r["scope"]) for r in extract_figures(ranked, context)] == [
        ("par_index_rank", 2.0, "thị trấn Cổ Phúc")]


@pytest.mark.parametrize("sentence, scores", [
    ("Chỉ số cải cách hành chính (CCHC) tỉnh Điện Biên năm 2020 đạt 56,3/65 điểm.", []),  # its self-assessed part
    ("Chỉ số cải cách hành chính tỉnh Điện Biên năm 2020 đạt 76,3/100 điểm.", [76.3]),
    ("Chỉ số cải cách hành chính tỉnh Điện Biên năm 2020 đạt 76,3 điểm.", [76.3]),
])
def test_a_par_index_score_out_of_another_maximum_than_100_is_a_part(sentence, scores):
    context = Context(province="Điện Biên", district=None, year=2020, period="FY")
    assert [r["value"] for r in extract_figures(sentence, context) if r["indicator"] == "par_index_score"] == scores


def test_an_index_score_before_its_parts_naming_another_index_is_read_up_to_the_parts():
    context = Context(province="Lào Cai", district=None, year=2019, period="FY")
    text = ("Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2019 của các tỉnh, thành phố trực thuộc Trung ương. "
            "Theo đó, tỉnh Lào Cai đạt 82,85 điểm (tăng 4,38 điểm so với năm 2018), gồm: điểm thẩm định 52,90 điểm; "
            "điểm đánh giá tác động 29,95 điểm (Chỉ số SIPAS: 8,30 điểm; khảo sát lãnh đạo quản lý: 17,65 điểm).")
    assert [(r["indicator"], r["value"], r["scope"], r["sentence"]) for r in extract_figures(text, context)] == [
        ("par_index_score", 82.85, "Lào Cai",
         "Theo đó, tỉnh Lào Cai đạt 82,85 điểm (tăng 4,38 điểm so với năm 2018)")]


@pytest.mark.parametrize("title, expected", [
    ("Nam Định tăng 5 bậc trên bảng xếp hạng Chỉ số PAPI năm 2023", [("papi_score", 44.43), ("papi_rank", 25.0)]),
    ("Nam Định công bố kết quả năm 2023", []),  # which of the two indices, nothing says
])
def test_the_headline_s_index_tells_which_of_two_indices_named_before_a_figure_is_its(title, expected):
    context = Context(province="Nam Định", district=None, year=2023, period="FY", title=title)
    text = ("Sáng 17/4, Hội nghị công bố Chỉ số PAPI năm 2023 và Chỉ số hài lòng của người dân (SIPAS) năm 2023. "
            "Theo đó, Nam Định với tổng số điểm là 44,43 điểm, xếp hạng 25/63 tỉnh, thành phố.")
    assert [(r["indicator"], r["value"]) for r in extract_figures(text, context)] == expected


@pytest.mark.parametrize("text", [
    REPORT, "Ngày 5.3. Tỉnh đạt 98,5%! Vì sao? Cụ thể: + Chỉ số A đạt 1. - Chỉ số B đạt 2.\n",
    ".Mở đầu bằng dấu chấm... rồi “Trích dẫn” sau. (Ghi chú) 3 hồ sơ.\n\n\nDòng cuối không dấu",
    "UBND TP. Nha Trang đã giải quyết 99% hồ sơ. TP. sau đó. Kết thúc?!\n", "a.\nb.", "?", "x\n",
])
def test_sentence_spans_are_those_of_the_shortest_run_up_to_an_end(text):
    """The fast sentence pattern finds the spans of its plain form: the shortest run of a line up to an end mark
    before a capital, digit, quote or bullet, or up to the line's end."""
    capital_after = r"\s+(?:[\"“(]|[-–+•*]\s*)?[A-ZÀ-Ỹ0-9]"
    plain = re.compile(r"[^\n]+?(?:[.!?](?=" + capital_after + r")|[.!?]?(?=\n|$))")
    assert [m.span() for m in _SENTENCE.finditer(text)] == [m.span() for m in plain.finditer(text)]


_PLAIN_PHRASE_END = (r"[,;:().]|\s(?:và(?!\s+(?:trước|đúng|sớm)\s+(?:thời\s+)?h[ạẹ]n)|đạt|chiếm|trong|với|so|tăng|giảm"
                     r"|là)\s|(?<!đúng)(?<!trước)(?<!sớm)\svà\s|$")


@pytest.mark.parametrize("key", [
    "1.439 hồ sơ giải quyết đúng và trước hạn đạt 98,5%, quá hạn 12 hồ sơ",
    "114.977 và đúng hạn là 1.022.796 hồ sơ (đạt 99%); trong  đó   tăng 2%",
    "85,12 điểm và chỉ số papi đạt 42,1 điểm, và các xếp hạng khác\n so với năm 2022",
    "97% tổ chức cá nhân hài lòng với  sự phục vụ",
])
def test_the_words_after_a_number_are_those_of_the_plain_patterns(key):
    """The phrase and clause after a number, read by taking runs of letters whole, are those the plain forms
    (the shortest run up to an end; one character at a time unless a "và" opens another index) read."""
    phrase = re.compile(r"[^,;:().]*?(?=" + _PLAIN_PHRASE_END + ")")
    clause = re.compile(r"(?:(?!\s+và\s+(?:các\s+)?(?:chỉ số|bộ chỉ số|xếp hạng|pci|papi|sipas|par index|dti|pgi))"
                        r"[^,;:()])*")
    starts = range(len(key))
    assert [(_NOUN_PHRASE.match(key, i).group(), _CLAUSE_AFTER.match(key, i).group()) for i in starts] \
        == [(phrase.match(key, i).group(), clause.match(key, i).group()) for i in starts]
