"""English terms of reform in the bulletins' Vietnamese, for did-you-mean (search.glossary)."""

from __future__ import annotations

import pytest

from search.glossary import translate


@pytest.mark.parametrize(("query", "expected"), [
    ("one-stop shop", "một cửa"),
    ("One Stop Shop", "một cửa"),
    ("administrative reform in Quang Nam", "cải cách hành chính Quang Nam"),  # a place kept as typed
    ("PAR index 2022", "chỉ số cải cách hành chính 2022"),
    ("online public services first quarter 2021", "dịch vụ công trực tuyến quý I 2021"),
    ("satisfaction index of Ha Giang province", "chỉ số hài lòng Ha Giang tỉnh"),
    ("e-government huyện Mộc Châu", "chính quyền điện tử huyện Mộc Châu"),
    ("one-stop 61/2018/NĐ-CP", "một cửa 61/2018/NĐ-CP"),  # a document number whole
    # not rewritten: no English term, nothing but a place, or words the glossary does not know
    ("một cửa liên thông", None), ("mot cua lien thong", None), ("Quang Nam", None),
    ("chi so par index", None),  # Vietnamese typed without accents beside it: the accents' suggestion serves
    ("one-stop shop performance ranking", None), ("", None),
])
def test_translate(query, expected):
    assert translate(query) == expected
