import codecs

import pytest

from indexer.decoding import DecodeError, decode
from tests.helpers import to_cp1258

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
