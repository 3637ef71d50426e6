import pytest

from search.analysis import FOLDED, PAIRS, WORDS, analyze, prime_segmentation, segment


def test_words_analyzer_syllables_compounds_offsets():
    text = "Uỷ ban nhân dân tỉnh ban hành 61/2018/NĐ-CP."
    assert analyze(WORDS, text) == [
        ("ủy", 0, 0, 2), ("ủy_ban", 0, 0, 6), ("ban", 1, 3, 6),
        ("nhân", 2, 7, 11), ("nhân_dân", 2, 7, 15), ("dân", 3, 12, 15),
        ("tỉnh", 4, 16, 20),
        ("ban", 5, 21, 24), ("ban_hành", 5, 21, 29), ("hành", 6, 25, 29),
        ("61/2018/nđ-cp", 7, 30, 43), ("61/2018", 7, 30, 43),  # the number and year also alone: "nghị định 61/2018"
    ]


def test_offsets_point_at_the_source_text():
    text = "Đẩy mạnh cải cách thủ tục hành chính"
    for token, _, start, end in analyze(WORDS, text):
        assert text[start:end].lower().replace(" ", "_") == token


def test_folded_analyzer_has_syllables_only():
    assert analyze(FOLDED, "Cải cách 61/2018/NĐ-CP") == [
        ("cai", 0, 0, 3), ("cach", 1, 4, 8), ("61/2018/nd-cp", 2, 9, 22), ("61/2018", 2, 9, 22)]


def test_pairs_never_span_a_sentence_end_or_a_line_break():
    text = "Cải cách. Hành chính\nMột cửa, một cửa liên thông; TP. Hà Nội"
    assert analyze(PAIRS, text) == [
        ("cai cach", 0, 0, 8), ("hanh chinh", 2, 10, 20), ("mot cua", 4, 21, 28), ("cua mot", 5, 25, 33),
        ("mot cua", 6, 30, 37), ("cua lien", 7, 34, 42), ("lien thong", 8, 38, 48), ("tp ha", 10, 50, 56),
        ("ha noi", 11, 54, 60)]


def test_pairs_go_on_across_a_hard_wrap_inside_a_sentence():
    text = "cơ chế một cửa, một cửa\nliên thông\n\ntrong giải quyết"
    assert [pair for pair, *_ in analyze(PAIRS, text)] == [
        "co che", "che mot", "mot cua", "cua mot", "mot cua", "cua lien", "lien thong", "thong trong",
        "trong giai", "giai quyet"]


def test_no_compound_across_lines_or_punctuation():
    text = "cải\ncách, hành. chính"
    assert segment(text) == ()


def test_primed_segmentation_is_used():
    text = "một câu chưa từng thấy trong kho xyzzy"
    prime_segmentation(text, [(0, 7)])
    assert segment(text) == ((0, 7),)
    assert [t for t, *_ in analyze(WORDS, text)][:3] == ["một", "một_câu", "câu"]


@pytest.mark.parametrize("name", ["title", "title_folded", "title_pairs", "content", "content_folded",
                                  "content_pairs"])
def test_fast_indexing_counts_equal_whooshs_own(name):
    """VietnameseText.index gives exactly the entries TEXT.index gives, on every sample bulletin."""
    from whoosh.fields import TEXT

    from search.schema import build_schema
    from tests.conftest import CORPUS

    field = build_schema()[name]
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts += ["", "61/2018/NĐ-CP và 107/2021/NĐ-CP, Quyết định số 1291 /QĐ-UBND", "Một cửa một cửa MỘT CỬA"]
    for text in texts:
        assert sorted(field.index(text)) == sorted(TEXT.index(field, text)), text[:40]


def test_the_scan_finds_what_it_finds_without_its_digit_guard(tmp_path):
    """``_SCAN`` tries a document number only where a digit stands; both its forms start with one, so the
    spans are those of the pattern without the guard."""
    import re

    from bench.generate import write_corpus
    from search.analysis import scan
    from search.docnumbers import DOCNUMBER_TOKEN

    unguarded = re.compile(rf"(?P<ref>{DOCNUMBER_TOKEN.pattern})|(?P<num>\d+(?:[.,]\d+)+)|(?P<word>[^\W_]+)"
                           r"|(?P<punct>[^\w\s])")
    texts = [p.read_text(encoding="utf-8") for p in sorted(write_corpus(30, tmp_path).glob("*.txt"))]
    texts.append("Số: 23/KH-UBND, 61/2018/NĐ-CP; 30c/2019/TT-BTC, 1.500, 3,4 - x/2020/QĐ, 12 /2021/ NĐ-CP, a1/KH")
    for text in texts:
        assert [tuple(span) for span in scan(text)] == \
            [(m.start(), m.end(), m.lastgroup) for m in unguarded.finditer(text)]
