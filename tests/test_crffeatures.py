"""The fast CRF features equal pyvi's own, dict for dict, on real and awkward text."""

from __future__ import annotations

import pytest
from pyvi.ViTokenizer import ViTokenizer

from search.analysis import _lines, scan
from search.crffeatures import sent2features
from tests.conftest import CORPUS

AWKWARD = ["ỦY BAN NHÂN DÂN Tỉnh Cao Bằng", "Thủ Tục Hành chính", "ΟΔΟΣ Σοφία ΣΑ", "İstanbul Đà Nẵng", "x",
           "61/2018/NĐ-CP ngày 23 tháng 4", "Một cửa liên thông , một cửa"]


def _sentences(text: str) -> list[list[str]]:
    return [[text[s.start:s.end] for s in line] for line in _lines(scan(text), text)]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_features_equal_pyvi_on_the_sample_bulletins(path):
    for words in _sentences(path.read_text(encoding="utf-8")):
        ours = sent2features(words, ViTokenizer.bi_grams, ViTokenizer.tri_grams)
        theirs = ViTokenizer.sent2features(words, False)
        assert [list(d.items()) for d in ours] == [list(d.items()) for d in theirs]


@pytest.mark.parametrize("text", AWKWARD)
def test_features_equal_pyvi_on_awkward_text(text):
    words = text.split()
    assert sent2features(words, ViTokenizer.bi_grams, ViTokenizer.tri_grams) == ViTokenizer.sent2features(words, False)
    assert sent2features([], set(), set()) == []
