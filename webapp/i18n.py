"""Interface text in Vietnamese (the default) and English.

Templates call ``t("key")``; a missing key shows the key itself, and a test
checks that every key used in the templates exists in both languages.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "site_name": ("Tra cứu tin cải cách hành chính", "Administrative reform bulletin search"),
    "nav_search": ("Tìm kiếm", "Search"),
    "nav_about": ("Giới thiệu", "About"),
    "skip": ("Chuyển đến nội dung chính", "Skip to main content"),
    "search_label": ("Từ khóa tìm kiếm", "Search terms"),
    "search_placeholder": ("Ví dụ: một cửa liên thông, \"chính quyền số\", 61/2018/NĐ-CP",
                           "e.g. một cửa liên thông, \"chính quyền số\", 61/2018/NĐ-CP"),
    "search_button": ("Tìm", "Search"),
    "filters": ("Bộ lọc", "Filters"),
    "facet_province": ("Tỉnh, thành phố (trước 7/2025)", "Province (before July 2025)"),
    "facet_province_2025": ("Tỉnh, thành phố (từ 7/2025)", "Province (from July 2025)"),
    "facet_year": ("Năm", "Year"),
    "facet_quarter": ("Kỳ báo cáo", "Reporting period"),
    "facet_topic": ("Chủ đề", "Topic"),
    "selected": ("đã chọn", "selected"),
    "remove_filter": ("Bỏ lọc", "Remove filter"),
    "clear_all": ("Xóa tất cả", "Clear all"),
    "results_count": ("{n} kết quả", "{n} results"),
    "results_for": ("cho", "for"),
    "sort": ("Sắp xếp", "Sort"),
    "sort_relevance": ("Liên quan nhất", "Relevance"),
    "sort_newest": ("Mới nhất", "Newest"),
    "sort_oldest": ("Cũ nhất", "Oldest"),
    "export_csv": ("Tải CSV", "Download CSV"),
    "chart_title": ("Số tin theo năm", "Bulletins by year"),
    "chart_hint": ("Bấm vào một cột để lọc theo năm đó.", "Click a bar to filter to that year."),
    "chart_none": ("Không rõ kỳ", "Period unknown"),
    "did_you_mean": ("Có phải bạn muốn tìm", "Did you mean"),
    "missing": ("Thiếu", "Missing"),
    "filter_by": ("Lọc theo", "Filter by"),
    "facets_timed_out": ("Không kịp đếm trong thời hạn", "Not counted within the time limit"),
    "all_of_these": ("tất cả", "all of these"),
    "no_results": ("Không tìm thấy tin nào.", "No bulletins found."),
    "no_results_tips": ("Hãy thử bỏ bớt bộ lọc, dùng ít từ hơn hoặc gõ không dấu.",
                        "Try removing a filter, using fewer words, or typing without diacritics."),
    "drop_filter": ("Bỏ bộ lọc", "Drop the filter"),
    "pagination": ("Phân trang", "Pagination"),
    "previous": ("Trang trước", "Previous"),
    "next": ("Trang sau", "Next"),
    "page_of": ("Trang {page}/{pages}", "Page {page} of {pages}"),
    "unknown": ("không rõ", "unknown"),
    "published": ("Ngày đăng", "Published"),
    "province": ("Tỉnh, thành phố", "Province"),
    "province_2025": ("Tỉnh, thành phố từ 7/2025", "Province from July 2025"),
    "district": ("Huyện, thị xã, thành phố", "District"),
    "year": ("Năm báo cáo", "Reporting year"),
    "quarter": ("Kỳ báo cáo", "Reporting period"),
    "topics": ("Chủ đề", "Topics"),
    "refs": ("Văn bản được trích dẫn", "Documents cited"),
    "source": ("Nguồn", "Source"),
    "source_link": ("Xem bài gốc", "Original page"),
    "document_text": ("Nội dung", "Text"),
    "similar": ("Tin tương tự", "Similar bulletins"),
    "back_to_results": ("Quay lại kết quả tìm kiếm", "Back to search results"),
    "not_found": ("Không tìm thấy tin này.", "Bulletin not found."),
    "error_title": ("Có lỗi trong yêu cầu", "There is a problem with the request"),
    "about_title": ("Giới thiệu", "About"),
    "about_intro": ("Công cụ tra cứu toàn văn và theo bộ lọc các tin, báo cáo về cải cách hành chính của các tỉnh, "
                    "thành phố và huyện, thị xã.",
                    "Full-text and faceted search over administrative-reform bulletins published by provinces "
                    "and districts of Viet Nam."),
    "stats_documents": ("Số tin", "Bulletins"),
    "stats_provinces": ("Số tỉnh, thành phố", "Provinces"),
    "stats_years": ("Các năm", "Years covered"),
    "stats_built": ("Cập nhật chỉ mục", "Index last built"),
    "syntax_title": ("Cách tìm kiếm", "How to search"),
    "api_title": ("Dữ liệu mở", "Open data"),
    "language": ("Ngôn ngữ", "Language"),
    "nav_widget": ("Nhúng vào trang", "Embed"),
    "widget_title": ("Nhúng ô tìm kiếm vào trang của bạn", "Embed the search on your site"),
    "widget_intro": ("Chọn bộ lọc có sẵn, rồi dán hai dòng dưới đây vào trang web của bạn.",
                     "Choose preset filters, then paste the two lines below into your page."),
    "widget_per_page": ("Số kết quả", "Results shown"),
    "widget_update": ("Cập nhật", "Update"),
    "widget_snippet": ("Mã nhúng", "Code to paste"),
    "widget_iframe": ("Nếu trang không cho phép chạy script: dùng iframe",
                      "If your page allows no scripts: use an iframe"),
    "widget_preview": ("Xem trước", "Preview"),
}


def translate(key: str, lang: str, **values) -> str:
    """The text of ``key`` in ``lang`` (vi or en), with ``{name}`` fields filled."""
    pair = STRINGS.get(key)
    text = key if pair is None else pair[1 if lang == "en" else 0]
    return text.format(**values) if values else text
