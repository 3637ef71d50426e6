"""What went wrong, said to a person in Vietnamese or in English: one table of messages by code.

An error a person can correct (a query that cannot be parsed, a parameter that cannot be used, a search stopped by
its time limit, a bulletin that does not exist) is an ``Explained``: it carries a ``code`` from ``MESSAGES`` and the
``params`` its message names. ``str(error)`` is the English message (the API's ``error`` and the command line's,
unchanged for scripts that read it); ``error.say("vi")`` is the message in Vietnamese, which the pages and the
widget show. Numbers in a message follow the language: "10,000" and "0.5" in English, "10.000" and "0,5" in
Vietnamese.
"""

from __future__ import annotations

import string

# code -> (Vietnamese, English); placeholders are ``str.format`` fields, the same in both languages
MESSAGES: dict[str, tuple[str, str]] = {
    # the query language (search.query)
    "unbalanced_quote": ("Thiếu dấu ngoặc kép đóng: cụm từ mở ở ký tự thứ {at} chưa được đóng.",
                         "Unbalanced quote: the phrase opened at character {at} is not closed."),
    "field_needs_value": ("'{field}:' cần một giá trị, ví dụ {field}:\"...\".",
                          "'{field}:' needs a value, for example {field}:\"...\"."),
    "unopened_parenthesis": ("Thừa dấu ngoặc đóng: có ')' mà không có '(' tương ứng.",
                             "Unbalanced parenthesis: ')' without a matching '('."),
    "unclosed_parenthesis": ("Thiếu dấu ngoặc đóng: có '(' chưa được đóng.",
                             "Unbalanced parenthesis: a '(' is not closed."),
    "unexpected": ("Không hiểu '{token}' ở chỗ này.", "Unexpected '{token}'."),
    "operator_sides": ("'{operator}' cần một từ tìm kiếm ở mỗi bên.",
                       "'{operator}' needs a search term on each side."),
    "empty_group": ("Phần truy vấn rỗng: trong ( ) không có gì để tìm.",
                    "Empty query part: nothing to search for in ( )."),
    "not_needs_term": ("'NOT' (hoặc '-') cần một từ tìm kiếm đứng sau.",
                       "'NOT' (or '-') needs a search term after it."),
    "plus_needs_term": ("'+' cần một từ tìm kiếm viết liền sau, như +SIPAS.",
                        "'+' needs a search term right after it, as in +SIPAS."),
    "too_many_terms": ("Quá nhiều từ: một truy vấn có tối đa {limit} phần.",
                       "Too many terms: a query may have at most {limit} parts."),
    "query_too_long": ("Truy vấn quá dài ({length:,} ký tự; tối đa {limit:,}).",
                       "The query is too long ({length:,} characters; the limit is {limit:,})."),
    # request parameters (search.models, webapp)
    "unknown_filter": ("Không có bộ lọc '{facet}'; các bộ lọc là {choices}.",
                       "Unknown filter '{facet}'; filters are {choices}."),
    "unknown_facet": ("Không có bộ lọc '{facet}'.", "Unknown facet '{facet}'."),
    "bad_province": ("Không rõ tỉnh, thành phố '{value}': cần tên một tỉnh, thành phố như 'Cao Bằng' hoặc "
                     "'cao bang'.", "Unknown province '{value}': expected a province name such as 'Cao Bằng' or "
                     "'cao bang'."),
    "bad_province_2025": ("Không rõ tỉnh, thành phố (từ 7/2025) '{value}': cần một trong 34 tỉnh, thành phố từ "
                          "tháng 7/2025, như 'Đồng Tháp'.", "Unknown province_2025 '{value}': expected one of the 34 "
                          "provinces after July 2025, such as 'Đồng Tháp'."),
    "bad_year": ("Năm '{value}' không dùng được: cần một năm từ {low} đến {high}.",
                 "Unknown year '{value}': expected a year from {low} to {high}."),
    "bad_quarter": ("Kỳ báo cáo '{value}' không dùng được: cần một trong {choices}.",
                    "Unknown quarter '{value}': expected one of {choices}."),
    "bad_topic": ("Chủ đề '{value}' không dùng được: cần một trong {choices}.",
                  "Unknown topic '{value}': expected one of {choices}."),
    "bad_refs": ("Số văn bản '{value}' không dùng được: cần một số hiệu văn bản như '61/2018/NĐ-CP'.",
                 "Unknown refs '{value}': expected a legal document number such as '61/2018/NĐ-CP'."),
    "too_many_values": ("Quá nhiều giá trị cho '{facet}' (tối đa {limit}).",
                        "Too many values for '{facet}' (at most {limit})."),
    "unknown_choice": ("Giá trị '{value}' của '{name}' không dùng được; hãy dùng một trong: {choices}.",
                       "Unknown {name} '{value}'; use one of {choices}."),
    "not_whole_number": ("'{name}' phải là một số nguyên, không phải '{value}'.",
                         "'{name}' must be a whole number, not '{value}'."),
    "out_of_range": ("'{name}' phải từ {low:,} đến {high:,}, không phải {value:,}.",
                     "'{name}' must be between {low:,} and {high:,}, not {value:,}."),
    "page_too_deep": ("Trang {page:,} quá sâu: chỉ xem lần lượt được {window:,} kết quả đầu tiên. Hãy thu hẹp "
                      "tìm kiếm.", "Page {page:,} is too deep: only the first {window:,} results can be paged "
                      "through. Narrow the search instead."),
    "not_flag": ("'{name}' phải là 1 hoặc 0, không phải '{value}'.", "'{name}' must be 1 or 0, not '{value}'."),
    "bad_figure": ("Vị trí số liệu '{value}' không dùng được: cần dạng <đầu>-<cuối>, ví dụ 120-245.",
                   "Bad figure '{value}': expected <start>-<end>, e.g. 120-245."),
    "figure_outside": ("Vị trí {start}-{end} nằm ngoài văn bản của tin này (0-{length}).",
                       "Figure {start}-{end} is outside this bulletin's text (0-{length})."),
    "choose_indicator": ("Hãy chọn một chỉ tiêu để tải về, ví dụ indicator=dossiers_on_time.",
                         "Choose an indicator to export: indicator=dossiers_on_time, for example."),
    "id_required": ("Cần tham số 'id' (mã của một tin).", "Parameter 'id' (a bulletin id) is required."),
    "no_bulletin": ("Không có tin nào mang mã '{id}'.", "No bulletin with id '{id}'."),
    # the search and the service
    "timeout": ("Tìm kiếm chạy quá {seconds:g} giây nên đã dừng. Hãy thu hẹp: bớt các từ nối bằng OR, dùng cụm "
                "từ hoặc bộ lọc.", "The search took longer than {seconds:g} s and was stopped. Make it narrower: "
                "fewer OR-ed words, a phrase, or a filter."),
    "index_missing": ("Chỉ mục tìm kiếm chưa sẵn sàng: cần được xây dựng bằng 'cchc index' (hoặc đang được nâng "
                      "cấp). Vui lòng thử lại sau.", "The search index is not available yet: it has to be built "
                      "with 'cchc index' (or is being upgraded). Please try again later."),
    "too_many_requests": ("Quá nhiều yêu cầu: tối đa {limit} từ một địa chỉ. Vui lòng chờ {wait} giây.",
                          "Too many requests: at most {limit} from one address. Please wait {wait} s."),
    # HTTP errors: in English, the description the server library gives (``werkzeug``)
    "http_400": ("Yêu cầu không đọc được.", "{description}"),
    "http_404": ("Không có trang này. Hãy kiểm tra lại địa chỉ.", "{description}"),
    "http_405": ("Địa chỉ này không nhận cách gửi yêu cầu đó.", "{description}"),
    "http_413": ("Yêu cầu quá lớn.", "{description}"),
    "http_500": ("Máy chủ gặp lỗi khi trả lời. Vui lòng thử lại sau.", "{description}"),
    "http": ("Yêu cầu không thực hiện được (mã {status}).", "{description}"),
}


class _Numbers(string.Formatter):
    """``str.format`` whose numbers use Vietnamese separators when asked: "10.000", "0,5"."""

    def __init__(self, vietnamese: bool):
        self.vietnamese = vietnamese

    def format_field(self, value, format_spec):
        text = super().format_field(value, format_spec)
        if self.vietnamese and isinstance(value, (int, float)) and not isinstance(value, bool):
            text = text.translate(str.maketrans({",": ".", ".": ","}))
        return text


def say(code: str, lang: str = "en", **params) -> str:
    """The message ``code`` in ``lang`` ("vi" or "en"), its fields filled from ``params``."""
    vietnamese, english = MESSAGES[code]
    vi = lang == "vi"
    return _Numbers(vi).format(vietnamese if vi else english, **params)


class Explained(Exception):
    """An error a person can act on: ``code`` names its message, ``params`` fill it; ``str()`` is English."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(say(code, "en", **params))

    def say(self, lang: str) -> str:
        return say(self.code, lang, **self.params)


class Refusal(Explained):
    """An ``Explained`` with no other kind: what the web app itself refuses (no such bulletin, too many requests)."""
