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
