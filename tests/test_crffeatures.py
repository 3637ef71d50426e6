"""The fast CRF attributes equal pyvi's features as python-crfsuite reads them, and give pyvi's labels,
on real and awkward text."""

from __future__ import annotations

import pytest
from pyvi.ViTokenizer import ViTokenizer

from search.analysis import _labels, _lines, scan
from search.crffeatures import sent2attributes
from tests.conftest import CORPUS

AWKWARD = ["ỦY BAN NHÂN DÂN Tỉnh Cao Bằng", "Thủ Tục Hành chính", "ΟΔΟΣ Σοφία ΣΑ", "İstanbul Đà Nẵng", "x",
           "61/2018/NĐ-CP ngày 23 tháng 4", "Một cửa liên thông , một cửa", "2021 TTHC 12 Số 3 MỘT-CỬA"]


def _sentences(text: str) -> list[list[str]]:
    return [[text[s.start:s.end] for s in line] for line in _lines(scan(text), text)]


def _as_crfsuite_reads(features: list[dict]) -> list[list[str]]:
    """python-crfsuite's attributes of pyvi's feature dicts, those of weight 0 left out: a string value is
    ``key:value`` (weight 1), a number or a boolean the key with that weight."""
    attributes = []
    for token in features:
        assert all(value in (True, 1.0) for value in token.values() if not isinstance(value, str | bool))
        attributes.append([f"{key}:{value}" if isinstance(value, str) else key
                           for key, value in token.items() if value is not False])
    return attributes


def _check(words: list[str]) -> None:
    ours = sent2attributes(words, ViTokenizer.bi_grams, ViTokenizer.tri_grams)
    theirs = ViTokenizer.sent2features(words, False)
    assert ours == _as_crfsuite_reads(theirs)
    assert _labels([words]) == [list(ViTokenizer.model.predict([theirs])[0])]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_attributes_and_labels_equal_pyvis_on_the_sample_bulletins(path):
    for words in _sentences(path.read_text(encoding="utf-8")):
        _check(words)


@pytest.mark.parametrize("text", AWKWARD)
def test_attributes_and_labels_equal_pyvis_on_awkward_text(text):
    _check(text.split())
    assert sent2attributes([], set(), set()) == []
