import codecs
import random

import pytest

from indexer.decoding import NOT_VIETNAMESE, SCAN_LIMIT, Decoded, DecodeError, decode, decode_text, visible_text
from indexer.htmltext import extract_page
from indexer.legacy_encodings import from_unicode
from tests.helpers import portal_head, to_cp1258

TEXT = "Cải cách hành chính tỉnh Thừa Thiên Huế, Đắk Lắk: ưu tiên dịch vụ công trực tuyến."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with its BOM
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    to_cp1258(TEXT),
], ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "cp1258"])
def test_supported_encodings_decode_to_the_same_nfc_text(data):
    assert decode(data) == TEXT


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8"),
    (TEXT.encode("utf-16"), "UTF-16"),
    (to_cp1258(TEXT), "Windows-1258"),
])
def test_unicode_and_windows_1258_are_read_as_before_and_not_converted(data, encoding):
    assert decode_text(data) == Decoded(TEXT, encoding, converted=False)


# Written for these tests. TCVN3 has no capitals with tone marks, so its text has none.
TCVN3_TEXT = ("Tỉnh đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp.\n"
              "Năm qua, bộ phận một cửa đã tiếp nhận 12.345 hồ sơ; 98% được giải quyết đúng hạn, "
              "khuyến khích nộp hồ sơ trực tuyến ở giữa các xã. Ưu tiên: Đoàn kiểm tra liên ngành.")
VNI_TEXT = ("Ủy ban nhân dân huyện Mộc Châu triển khai Đề án 06 về dữ liệu dân cư.\n"
            "Ông Trần Văn Hải, Phó Chủ tịch, yêu cầu các xã hoàn thành trước ngày 30/6; "
            "ẤN TƯỢNG: thủ tục được rút ngắn, người dân hài lòng hơn với dịch vụ công.")


@pytest.mark.parametrize("text, encoding", [(TCVN3_TEXT, "TCVN3"), (VNI_TEXT, "VNI-Windows")])
def test_legacy_font_encodings_are_converted_to_the_exact_nfc_text(text, encoding):
    data = from_unicode(text, encoding).encode("latin-1")
    assert decode_text(data) == Decoded(text, encoding, converted=True)
    page = b"<html><head><meta charset=iso-8859-1></head><body><p>" + data + b"</p></body></html>"
    assert decode_text(page, html=True) == Decoded(f"<html><head><meta charset=iso-8859-1></head><body><p>{text}"
                                                   "</p></body></html>", encoding, converted=True)


@pytest.mark.parametrize("text, encoding", [(TCVN3_TEXT, "TCVN3"), (VNI_TEXT, "VNI-Windows")])
@pytest.mark.parametrize("store", [lambda s: s.encode("utf-8"), lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
                                   lambda s: s.encode("utf-16")], ids=["utf8", "utf8-bom", "utf16"])
def test_legacy_text_once_read_as_latin_1_and_saved_as_unicode_is_converted(text, encoding, store):
    mojibake = from_unicode(text, encoding)  # what Notepad showed, and saved, for the legacy bytes
    unicode = "UTF-16" if mojibake.encode("utf-16") == store(mojibake) else "UTF-8"
    assert decode_text(store(mojibake)) == Decoded(text, f"{encoding} mojibake in {unicode}", converted=True)


def test_tcvn3_mojibake_with_windows_1252_punctuation_is_converted():
    mojibake = "\u201c" + from_unicode("Cải cách hành chính là nhiệm vụ trọng tâm", "TCVN3") + "\u201d \u2013 2024"
    assert decode_text(mojibake.encode()) == Decoded("“Cải cách hành chính là nhiệm vụ trọng tâm” – 2024",
                                                     "TCVN3 mojibake in UTF-8", converted=True)


@pytest.mark.parametrize("text", [
    "Annual report on public administration reform, 2021. All rights reserved.",
    "Weights: 3 × 4 kg, ½ share, 20 °C, © 2020 «quoted» résumé café naïve.",
    TEXT + " © 2020 Cổng thông tin điện tử · «Tin tức» · ¶ 3 · 25 °C",
], ids=["english-ascii", "english-latin", "vietnamese-with-symbols"])
def test_unicode_text_that_is_not_mojibake_is_untouched(text):
    assert decode_text(text.encode()) == Decoded(text, "UTF-8", converted=False)


# Written for these tests: one bulletin per legacy encoding, on a page whose <head> fills 36 KB.
TCVN3_TITLE = "Sơ kết công tác cải cách hành chính sáu tháng đầu năm"
TCVN3_LINES = ("Sáng nay, ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác cải cách hành chính "
               "sáu tháng đầu năm.",
               "Bộ phận một cửa đã tiếp nhận 4.210 hồ sơ, trong đó 97% được trả kết quả đúng hạn; người dân "
               "được hướng dẫn nộp hồ sơ trực tuyến tại nhà.")
VNI_TITLE = "Ủy ban nhân dân tỉnh đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính"
VNI_LINES = ("Đến hết quý II, toàn tỉnh có 1.532 thủ tục được cung cấp dịch vụ công trực tuyến toàn trình.",
             "Ông Phó Giám đốc Sở Nội vụ đề nghị các xã rà soát quy trình, công khai kết quả đánh giá "
             "sự hài lòng của người dân.")
HEAD = portal_head(36 * 1024)


def portal_page(title: str, lines: tuple[str, ...], encoding: str | None) -> str:
    """A saved portal page: 36 KB of ASCII <head>, then the bulletin (as byte text in ``encoding``, if given)."""
    def body(text: str) -> str:
        return from_unicode(text, encoding) if encoding else text

    paragraphs = "".join(f"<p>{body(line)}</p>\n" for line in lines)
    return (f"<!DOCTYPE html>\n<html lang=\"vi\">\n{HEAD}<body>\n<div class=\"news-detail\">\n"
            f"<h1>{body(title)}</h1>\n{paragraphs}</div>\n</body>\n</html>\n")


LONG_HEAD = [(TCVN3_TITLE, TCVN3_LINES, "TCVN3"), (VNI_TITLE, VNI_LINES, "VNI-Windows")]


@pytest.mark.parametrize("title, lines, encoding", LONG_HEAD, ids=["TCVN3", "VNI-Windows"])
def test_a_legacy_page_is_read_on_the_text_it_shows_behind_36_kb_of_head(title, lines, encoding):
    data = portal_page(title, lines, encoding).encode("latin-1")
    assert data.index(b"<body>") > 36 * 1024 > len(data) - data.index(b"<body>")
    decoded = decode_text(data, html=True)
    assert decoded == Decoded(portal_page(title, lines, None), encoding, converted=True)
    page = extract_page(decoded.text)
    assert (page.title, page.text) == (title, "\n\n".join((title, *lines)))


@pytest.mark.parametrize("title, lines, encoding", LONG_HEAD, ids=["TCVN3", "VNI-Windows"])
def test_a_legacy_page_saved_as_utf8_mojibake_is_read_on_the_text_it_shows(title, lines, encoding):
    data = portal_page(title, lines, encoding).encode("utf-8")
    assert decode_text(data, html=True) == Decoded(portal_page(title, lines, None), f"{encoding} mojibake in UTF-8",
                                                   converted=True)


def test_the_text_a_page_shows_leaves_out_head_scripts_styles_comments_and_tags():
    page = ("<html><head><title>Tiêu đề</title><style>b{}</style></head><body><!-- <p>ẩn</p> -->"
            "<p class='a>b' data-x=\"<i>\">Cải <b>cách</b></p><script>x = '<p>mã</p>'</script>"
            "<STYLE>i{}</STYLE><p>hành chính<br/>2024</p></body></html>")
    assert visible_text(page) == "Cải  cách hành chính 2024"
    assert visible_text(page.encode("utf-8")) == "Cải  cách hành chính 2024".encode()
    assert visible_text("<html><head><style>p{}</style><body><p>thân bài") == "thân bài"  # <head> left open


def test_the_text_a_page_shows_is_looked_for_in_bounded_work():
    assert visible_text("<p>" + "x" * 100 + "</p>", size=10) == "x" * 10
    assert visible_text("<style>" + "a" * SCAN_LIMIT + "</style><p>late</p>") == ""  # past the limit: not read
    assert visible_text("<p>shown</p><!-- never closed <p>hidden</p>") == "shown"


def _noise(seed: int, lowest: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(lowest, 256) for _ in range(size))


@pytest.mark.parametrize("data", [
    _noise(11, 1, 4000),  # no NUL byte, which would make it "binary data"
    _noise(12, 128, 500),
    "Résumé of the café’s naïve façade".encode("cp1252"),
], ids=["random-bytes", "random-high-bytes", "english-cp1252"])
def test_bytes_that_are_not_vietnamese_in_any_encoding_are_refused(data):
    with pytest.raises(DecodeError) as caught:
        decode_text(data)
    assert str(caught.value) == NOT_VIETNAMESE == "not plausible Vietnamese text in any known encoding"


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.7\n...", "not text: a PDF document"),
    (b"PK\x03\x04rest", "not text: a ZIP or Office document"),
    (b"abc\x00def", "not text: binary data (NUL bytes)"),
    (TEXT.encode()[:6] + b"\xff" + TEXT.encode()[6:],
     "invalid UTF-8 at byte 6 (the rest of the file is UTF-8, so it is not read as Windows-1258)"),
    (codecs.BOM_UTF8 + b"ok \xff", "undecodable: invalid utf-8 at byte 3"),
])
def test_what_is_not_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(DecodeError) as caught:
        decode(data)
    assert str(caught.value) == reason


def test_html_declared_charset_is_honoured():
    page = b'<html><head><meta charset="windows-1258"></head><body>' + to_cp1258("Hội nghị") + b"</body></html>"
    assert "Hội nghị" in decode(page, html=True)
