"""bench.figures: how extracted figures are matched to the hand labels and scored."""

from bench.figures import figure_quality, match_figures


def _figure(value, scope, level, indicator="dossiers_received", unit="count", period="Q1", year=2024):
    return {"indicator": indicator, "value": value, "unit": unit, "period": period, "year": year, "scope": scope,
            "scope_level": level}


def test_a_figure_is_correct_when_every_part_matches_a_label_once():
    want = [_figure(1200, "Lâm Đồng", "province"), _figure(1200, "huyện Đức Trọng", "district")]
    got = [_figure(1200.0, "Lâm Đồng", "province"), _figure(1200.0, "Lâm Đồng", "province"),
           _figure(1200.0, "Đức Trọng", "district", period="H1")]
    correct, wrong, missed = match_figures(got, want)
    assert (correct, wrong, missed) == ([got[0]], [got[1], got[2]], [want[1]])


def test_a_unit_is_compared_without_its_unit_word_a_special_zone_too():
    want = [_figure(820, "Vân Đồn", "commune"), _figure(95, "Phú Quý", "commune")]
    got = [_figure(820.0, "đặc khu Vân Đồn", "commune"), _figure(95.0, "Đặc khu Phú Quý", "commune")]
    assert match_figures(got, want) == (got, [], [])


def test_an_agency_matches_its_name_with_the_province_appended_but_a_province_never_an_agency():
    want = [_figure(25000, "Trung tâm Hành chính công tỉnh Thái Bình", "agency")]
    assert match_figures([_figure(25000, "Trung tâm Hành chính công", "agency")], want)[0] != []
    assert match_figures([_figure(25000, "Thái Bình", "province")], want) == (
        [], [_figure(25000, "Thái Bình", "province")], want)


def test_an_agency_matches_its_name_with_or_without_the_province_word():
    want = [_figure(970, "Trung tâm Hành chính công tỉnh Quảng Ninh", "agency")]
    got = [_figure(970.0, "Trung tâm Hành chính công Quảng Ninh", "agency")]
    assert match_figures(got, want) == (got, [], [])
    other = [_figure(970.0, "Trung tâm Hành chính công Quảng Nam", "agency")]
    assert match_figures(other, want) == ([], other, want)


def test_quality_counts_per_indicator_and_lists_what_was_wrong_and_missed():
    labels = {"r1": [_figure(98.5, "Lâm Đồng", "province", "dossiers_on_time", "%"), _figure(40, "Lâm Đồng",
                                                                                               "province")]}
    extracted = {"r1": [_figure(98.5, "Lâm Đồng", "province", "dossiers_on_time", "%"),
                        _figure(41, "Lâm Đồng", "province")]}
    assert figure_quality(extracted, labels) == {
        "bulletins": 1,
        "overall": {"extracted": 2, "labelled": 2, "correct": 1, "precision": 0.5, "recall": 0.5},
        "per_indicator": {
            "dossiers_on_time": {"extracted": 1, "labelled": 1, "correct": 1, "precision": 1.0, "recall": 1.0},
            "dossiers_received": {"extracted": 1, "labelled": 1, "correct": 0, "precision": 0.0, "recall": 0.0}},
        "wrong": ["r1 dossiers_received 41 count Q1 2024 Lâm Đồng (province)"],
        "missed": ["r1 dossiers_received 40 count Q1 2024 Lâm Đồng (province)"]}
