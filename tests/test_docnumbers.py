from search.docnumbers import find_refs, is_ref, ref_key


def test_find_refs_in_a_sentence():
    text = ("Theo Nghị định 61/2018/NĐ-CP ngày 23/4/2018, Quyết định số 4003/QĐ-UBND, Nghị quyết 30c/NQ-CP, "
            "hướng dẫn số:  362 /SNV-CCHC, Chỉ thị 18/CT-TTg; 219.245/232.116 hồ sơ; Quý I/2022; ISO 9001:2008; "
            "lại 61/2018/NĐ-CP.")
    assert find_refs(text) == ["61/2018/NĐ-CP", "4003/QĐ-UBND", "30c/NQ-CP", "362/SNV-CCHC", "18/CT-TTg"]


def test_ref_key_folds_case_spaces_and_d_bar():
    assert ref_key("61/2018/NĐ-CP") == ref_key("61/2018/nd-cp") == "61/2018/nd-cp"
    assert ref_key("362 /SNV-CCHC") == "362/snv-cchc"


def test_is_ref():
    assert is_ref("61/2018/nd-cp") and is_ref("80/BC-SNV")
    assert not is_ref("23/4/2018") and not is_ref("1/2") and not is_ref("I/2022")


def test_a_number_scraped_without_its_hyphen_is_the_same_document():
    text = ("Căn cứ Nghị quyết số 30c/NQCP ngày 08 tháng 11 năm 2011; Nghị định số 61/2018/NĐCP ngày 23/4/2018; "
            "Quyết định số 1234/QĐUBND; báo cáo số 80/BCSNV; mã 12/ABCD.")
    assert find_refs(text) == ["30c/NQ-CP", "61/2018/NĐ-CP", "1234/QĐ-UBND", "80/BC-SNV", "12/ABCD"]
    assert ref_key("61/2018/NĐCP") == ref_key("61/2018/nđ-cp") == "61/2018/nd-cp"


def test_a_scraped_number_is_found_by_the_number_as_typed(tmp_path):
    from indexer.builder import build_index
    from search.engine import SearchEngine
    from search.models import make_request

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "qd.txt").write_text(
        "Quyết định ban hành quy chế một cửa\n\nCăn cứ Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018 của "
        "Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông.\n", encoding="utf-8")
    build_index(tmp_path / "c", tmp_path / "i", jobs=1)
    engine = SearchEngine(tmp_path / "i")
    for typed in ("61/2018/NĐ-CP", "61/2018/nd-cp", "61/2018/NĐCP"):
        response = engine.run_search(make_request(typed))
        assert [hit.id for hit in response.results] == ["qd"], typed
        assert "<mark>61/2018/NĐCP</mark>" in response.results[0].snippet
    assert [h.id for h in engine.run_search(make_request("", filters={"refs": ["61/2018/ND-CP"]})).results] == ["qd"]
