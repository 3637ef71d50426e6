"""Query understanding: facet values named inside free text (search.understanding)."""

from __future__ import annotations

import doctest

import pytest

import search.analysis
import search.schema
import search.understanding
from search.understanding import understand


@pytest.mark.parametrize(("query", "expected"), [
    ("kết quả cải cách hành chính quý I năm 2021", {"year": "2021", "quarter": "Q1"}),
    ("ket qua cai cach hanh chinh quy 1 nam 2021", {"year": "2021", "quarter": "Q1"}),
    ("CCHC quý 1/2021 tỉnh Cao Bằng", {"year": "2021", "quarter": "Q1", "province": "Cao Bằng"}),
    ("báo cáo 9 tháng năm 2022 Bà Rịa Vũng Tàu", {"year": "2022", "quarter": "9M", "province": "Bà Rịa - Vũng Tàu"}),
    ("6 tháng cuối năm 2015", {"year": "2015", "quarter": "H2"}),
    ("sơ kết 6 tháng đầu năm huyện Mộc Châu",
     {"quarter": "H1", "province": "Sơn La", "district": "Mộc Châu"}),
    ("huyện Châu Thành tỉnh Bến Tre", {"province": "Bến Tre", "district": "Châu Thành"}),
    ("một cửa huyện Châu Thành", {}),  # a name in ten provinces, none named: left out
    ("Châu Thành một cửa", {}),  # no unit word: not taken for a district
    ("61/2018/NĐ-CP năm 2021", {"year": "2021"}),  # the year inside a document number does not count
    ("giai đoạn 2021-2025", {}),  # two years: no single year
    ("nghị định 107/2021", {}),  # a document's number and year
    ("tháng 5/2023", {"year": "2023"}),
    ("đo lường sự hài lòng", {}),
    ("", {}),
])
def test_understand(query, expected):
    assert understand(query) == expected


@pytest.mark.parametrize("module", [search.understanding, search.analysis, search.schema])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
