"""End to end: `cchc index` converts TCVN3 and VNI-Windows files, names them, and refuses noise."""

import json
import random

from click.testing import CliRunner

from cchc.cli import main
from indexer.legacy_encodings import from_unicode

# Written for this test; no capitals with tone marks, which TCVN3 cannot write.
TCVN3_BULLETIN = ("Kết quả cải cách hành chính quý một\n\n"
                  "Năm nay tỉnh tiếp tục đẩy mạnh cải cách hành chính, tập trung vào thủ tục đất đai "
                  "và dịch vụ công trực tuyến. Bộ phận một cửa tiếp nhận hồ sơ đúng hạn.")
VNI_BULLETIN = ("Hội nghị sơ kết cải cách hành chính\n\n"
                "Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác cải cách hành chính sáu tháng đầu năm. "
                "Ông Chủ tịch yêu cầu các xã rút ngắn thời gian giải quyết hồ sơ cho người dân.")
UTF8_BULLETIN = "Tin tức địa phương\n\nHuyện tổ chức giải bóng đá thiếu niên nhân dịp hè."


def _corpus(root):
    (root / "old").mkdir(parents=True)
    (root / "old" / "a.txt").write_bytes(from_unicode(TCVN3_BULLETIN, "TCVN3").encode("latin-1"))
    (root / "old" / "b.txt").write_bytes(from_unicode(VNI_BULLETIN, "VNI-Windows").encode("latin-1"))
    (root / "new.txt").write_text(UTF8_BULLETIN, encoding="utf-8")
    rng = random.Random(5)
    (root / "noise.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(3000)))
    return root


def _invoke(*args):
    result = CliRunner().invoke(main, [*map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_legacy_files_are_indexed_searchable_and_named_in_the_summary(tmp_path):
    corpus, index = _corpus(tmp_path / "corpus"), tmp_path / "index"
    report = json.loads(_invoke("index", "--corpus", corpus, "--index", index, "--jobs", "1", "--json"))
    assert (report["added"], report["skipped"], report["total"]) == (3, 1, 3)
    assert report["converted_files"] == [{"origin": "old/a.txt", "encoding": "TCVN3"},
                                         {"origin": "old/b.txt", "encoding": "VNI-Windows"}]
    assert report["skipped_files"] == [{"origin": "noise.txt",
                                        "reason": "not plausible Vietnamese text in any known encoding"}]

    found = json.loads(_invoke("search", "cải cách hành chính", "--index", index, "--json"))
    assert sorted(hit["id"] for hit in found["results"]) == ["old/a", "old/b"]
    assert {hit["id"]: hit["title"] for hit in found["results"]} == {
        "old/a": "Kết quả cải cách hành chính quý một", "old/b": "Hội nghị sơ kết cải cách hành chính"}
    shown = json.loads(_invoke("show", "old/b", "--index", index, "--json"))
    assert shown["text"].startswith("Ủy ban nhân dân huyện tổ chức hội nghị")

    text = _invoke("index", "--corpus", corpus, "--index", tmp_path / "again", "--jobs", "1").splitlines()
    assert text[:2] == ["skipped  noise.txt: not plausible Vietnamese text in any known encoding",
                        "converted: old/a.txt (TCVN3), old/b.txt (VNI-Windows)"]


def test_legacy_pages_behind_a_long_head_are_indexed_as_the_text_they_show(tmp_path):
    from tests.test_decoding import LONG_HEAD, portal_page

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for name, (title, lines, encoding) in zip(("tcvn3", "vni"), LONG_HEAD, strict=True):
        (corpus / f"{name}.html").write_bytes(portal_page(title, lines, encoding).encode("latin-1"))
    report = json.loads(_invoke("index", "--corpus", corpus, "--index", index, "--jobs", "1", "--json"))
    assert report["converted_files"] == [{"origin": "tcvn3.html", "encoding": "TCVN3"},
                                         {"origin": "vni.html", "encoding": "VNI-Windows"}]
    for name, (title, lines, _) in zip(("tcvn3", "vni"), LONG_HEAD, strict=True):
        shown = json.loads(_invoke("show", name, "--index", index, "--json"))
        assert (shown["title"], shown["text"]) == (title, "\n\n".join(lines))
