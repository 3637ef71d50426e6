from search.compiler import compile_query
from search.highlight import highlight_all, snippet
from search.query import parse_query


def _terms(query):
    return compile_query(parse_query(query), lambda field, value: [value])[1]


def test_words_are_marked_only_where_they_stand_together():
    text = "UBND ban hành kế hoạch cải cách thủ tục hành chính."
    assert snippet(text, _terms("thủ tục hành chính")) == (
        "UBND ban hành kế hoạch cải cách <mark>thủ tục hành chính</mark>.")


def test_unaccented_and_abbreviated_forms_are_marked():
    text = "Công tác CCHC và cải cách hành chính của tỉnh."
    assert highlight_all(text, _terms("cai cach hanh chinh")) == (
        "Công tác <mark>CCHC</mark> và <mark>cải cách hành chính</mark> của tỉnh.")


def test_text_is_escaped():
    text = 'Tin <script>alert("x")</script> về một cửa & <img src=x onerror=alert(1)>'
    assert snippet(text, _terms("một cửa")) == (
        "Tin &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; về <mark>một cửa</mark> &amp; "
        "&lt;img src=x onerror=alert(1)&gt;")


def test_long_text_gives_a_window_around_the_best_match():
    text = ("Mở đầu. " * 60) + "Kết quả một cửa liên thông rất tốt. " + ("Kết thúc. " * 60)
    result = snippet(text, _terms('"một cửa liên thông"'), size=80)
    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>một cửa liên thông</mark>" in result
    assert len(result) < 140


def test_a_document_number_is_marked_where_it_stands_however_far_apart_and_however_written(monkeypatch):
    from search import highlight
    text = ("Mở đầu. " * 400 + "Căn cứ Nghị định số 61/2018/NĐ-CP của Chính phủ. " + "Nội dung. " * 500
            + "Thực hiện Nghị định 61/2018/NĐCP và 61/2018/nđ-cp; không phải 161/2018/NĐ-CP hay 61/2018/NĐ-CP1.")
    terms = _terms("61/2018/NĐ-CP")
    windowed = highlight_all(text, terms)
    monkeypatch.setattr(highlight, "anchors", lambda forms: None)  # every chunk folded and searched
    assert windowed == highlight_all(text, terms)
    assert windowed.count("<mark>") == 3 and "<mark>61/2018/NĐ-CP</mark> của" in windowed
    assert "<mark>61/2018/NĐCP</mark> và <mark>61/2018/nđ-cp</mark>" in windowed


def test_marks_are_found_in_the_text_as_written_without_folding_it():
    text = "ĐỒNG THÁP: Đồng Tháp đẩy mạnh CHUYỂN ĐỔI SỐ; hoá đơn điện tử, Hóa Đơn. Dong Thap; đồng tháp."
    assert highlight_all(text, _terms("dong thap")) == (
        "<mark>ĐỒNG THÁP</mark>: <mark>Đồng Tháp</mark> đẩy mạnh CHUYỂN ĐỔI SỐ; hoá đơn điện tử, Hóa Đơn. "
        "<mark>Dong Thap</mark>; <mark>đồng tháp</mark>.")
    # accented query syllables compare exactly (tones unified): "hóa đơn" marks "hoá đơn", not "Dong"
    assert highlight_all(text, _terms('"hóa đơn"')) == (
        "ĐỒNG THÁP: Đồng Tháp đẩy mạnh CHUYỂN ĐỔI SỐ; <mark>hoá đơn</mark> điện tử, <mark>Hóa Đơn</mark>. "
        "Dong Thap; đồng tháp.")
    assert highlight_all(text, _terms("chuyen doi so")).count("<mark>") == 1


def test_each_spelling_is_judged_on_its_own_diacritics_however_often_it_recurs():
    """A matched spelling's verdict is kept for the text's later matches: the same spelling gets the same mark,
    another spelling of the same folded form its own verdict, whatever the order they come in."""
    text = "Quán lý chợ. Quản lý hồ sơ. quán lý. QUẢN LÝ nhà nước. Quản lỳ đất đai; quản lý tốt; Quán lý."
    assert highlight_all(text, _terms('"quản lý"')) == (
        "Quán lý chợ. <mark>Quản lý</mark> hồ sơ. quán lý. <mark>QUẢN LÝ</mark> nhà nước. Quản lỳ đất đai; "
        "<mark>quản lý</mark> tốt; Quán lý.")
    assert highlight_all(text, _terms("quan ly")).count("<mark>") == 7  # unaccented: every spelling


def test_a_syllable_spelt_with_i_or_y_is_marked_either_way():
    """"tỷ lệ" and "tỉ lệ", "quản lý" and "quản lí" are one word in two spellings (``textnorm.unify_spelling``):
    a query in either marks both, accented or not; another tone or a y of two vowels ("tay") is not marked."""
    text = "Tỷ lệ hồ sơ. Tỉ lệ trực tuyến. TỶ LỆ chung; tì lệ; tay lệ. Quản lí đất đai, quản lý nhà nước."
    def marked(query):
        return [piece.split("</mark>")[0] for piece in highlight_all(text, _terms(query)).split("<mark>")[1:]]
    for query in ('"tỷ lệ"', '"tỉ lệ"'):
        assert marked(query) == ["Tỷ lệ", "Tỉ lệ", "TỶ LỆ"], query
    for query in ('"ty le"', '"ti le"'):  # typed without diacritics: any tone
        assert marked(query) == ["Tỷ lệ", "Tỉ lệ", "TỶ LỆ", "tì lệ"], query
    assert highlight_all(text, _terms('"quản lí"')).count("<mark>") == 2


def test_the_combined_pattern_finds_what_one_word_boundary_pattern_per_sequence_would():
    """The pattern opens with the sequences' first characters as one class (the engine's fast prefix scan); it
    must find exactly the matches of the plain form: a word start, then the sequences longest first."""
    import random
    import re

    from search.highlight import _BETWEEN, _combined, _unfolded

    rng = random.Random(5)
    words = ["một", "cửa", "mot", "cua", "đất", "đai", "dat", "cải", "cách", "61/2018/nđ-cp", "hồ", "sơ", "ủy", "uỷ"]
    for _ in range(200):
        sequences = frozenset(tuple((w, rng.random() < 0.5) for w in rng.sample(words, rng.randint(1, 3)))
                              for _ in range(rng.randint(1, 4)))
        pattern, variants = _combined(sequences)
        ordered = sorted(variants, key=lambda f: (-len(f), -len(" ".join(f)), f))
        plain = re.compile(r"(?<!\w)(?:" + "|".join(_BETWEEN.join(_unfolded(s) for s in f) for f in ordered)
                           + r")(?!\w)")
        text = "".join(rng.choice([*words, " ", " ", ", ", "-", "x", "(", "a"]) for _ in range(300)).lower()
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_text_is_flattened_as_splitting_it_into_words_would():
    """``flattened`` replaces where it can and splits where it must: the same string as ``" ".join(text.split())``
    for texts mixing spaces, line breaks, runs of both, other white space and control characters."""
    import random

    from search.highlight import flattened

    rng = random.Random(7)
    pieces = ["một", "cửa", "Hồ sơ", " ", " ", "  ", "\n", "\n\n", " \n ", "\t", "\xa0", "\u2028", "\r\n", "\x0b",
              "\u200b", "x"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert flattened(text) == " ".join(text.split()), repr(text)
