"""The TCVN3 and VNI-Windows tables: complete, unambiguous, and read back to the very letters written."""

import unicodedata

import pytest

from indexer.legacy_encodings import ENCODINGS, from_unicode, mojibake_signs, tables, to_unicode

TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng
VOWELS = "aăâeêioôơuưy"


def _precomposed_lowercase() -> list[str]:
    """The 67 lowercase Vietnamese letters that are not ASCII, built from vowels and tone marks."""
    letters = [unicodedata.normalize("NFC", unicodedata.normalize("NFD", v) + t) for v in VOWELS for t in TONES]
    return letters + [v for v in VOWELS if not v.isascii()] + ["đ"]


LOWER = _precomposed_lowercase()
ALL = LOWER + [ch.upper() for ch in LOWER]


def test_the_letter_list_is_the_134_precomposed_letters():
    assert (len(LOWER), len(set(ALL)), all(len(ch) == 1 for ch in ALL)) == (67, 134, True)


def test_vni_windows_has_every_letter_in_both_cases():
    assert sorted(tables()["VNI-Windows"]) == sorted(ALL)


def test_tcvn3_has_every_lowercase_letter_and_seven_capitals():
    assert sorted(tables()["TCVN3"]) == sorted(LOWER + list("ĂÂÊÔƠƯĐ"))
    assert all(len(code) == 1 for code in tables()["TCVN3"].values())


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_codes_are_distinct_and_every_letter_reads_back(encoding):
    table = tables()[encoding]
    assert len(set(table.values())) == len(table)
    assert [to_unicode(from_unicode(ch, encoding), encoding) for ch in table] == list(table)


@pytest.mark.parametrize("letter, tcvn3, vni", [
    ("á", b"\xb8", b"a\xf9"), ("ạ", b"\xb9", b"a\xef"), ("ằ", b"\xbb", b"a\xe8"), ("ẫ", b"\xc9", b"a\xe3"),
    ("ể", b"\xd3", b"e\xe5"), ("ị", b"\xde", b"\xf2"), ("ồ", b"\xe5", b"o\xe0"), ("ợ", b"\xee", b"\xf4\xef"),
    ("ư", b"\xad", b"\xf6"), ("ữ", b"\xf7", b"\xf6\xf5"), ("ỵ", b"\xfe", b"\xee"), ("đ", b"\xae", b"\xf1"),
    ("Đ", b"\xa7", b"\xd1"), ("Ư", b"\xa6", b"\xd6"), ("Ấ", b"\xca", b"A\xc1"),
])
def test_letters_have_their_standard_bytes(letter, tcvn3, vni):
    assert (from_unicode(letter, "TCVN3").encode("latin-1"), from_unicode(letter, "VNI-Windows").encode("latin-1")) \
        == (tcvn3, vni)


def test_the_example_phrase_in_both_encodings():
    assert from_unicode("Cải cách hành chính", "TCVN3") == "C¶i c¸ch hµnh chÝnh"
    assert from_unicode("Cải cách hành chính", "VNI-Windows") == "Caûi caùch haønh chính"


def test_tcvn3_capitals_with_tones_are_written_and_read_as_lowercase():
    assert to_unicode(from_unicode("Ủy ban Đề án", "TCVN3"), "TCVN3") == "ủy ban Đề án"


def test_vni_capitals_typed_with_lowercase_marks_still_read_as_capitals():
    assert to_unicode("Aùp duïng; UÛy ban; Ôû ñaâu", "VNI-Windows") == "Áp dụng; Ủy ban; Ở đâu"


def test_ascii_and_other_characters_pass_through():
    assert [to_unicode("Report 2021: 61/2018/ND-CP", e) for e in ENCODINGS] == ["Report 2021: 61/2018/ND-CP"] * 2
    assert from_unicode("€ and ©", "TCVN3") == "€ and ©"


def test_mojibake_signs_are_neither_ascii_nor_vietnamese_letters():
    signs = mojibake_signs()
    assert not set(signs) & (set(ALL) | {chr(c) for c in range(128)})
    assert {"¶", "¸", "µ", "\u00ad", "û", "ø", "ï"} <= set(signs)
