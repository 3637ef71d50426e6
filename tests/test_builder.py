import multiprocessing

import pytest

from indexer.builder import IndexBusy, build_index, index_lock
from search import storage
from search.engine import SearchEngine
from search.models import make_request

EXTRA = "Hội nghị CCHC huyện Mộc Châu\n\nUBND huyện Mộc Châu triển khai cải cách thủ tục hành chính năm 2020."


def _ids(root):
    return [h.id for h in SearchEngine(root).run_search(make_request("", per_page=100, sort="oldest")).results]


def test_incremental_adds_updates_removes_and_skips(tmp_path, corpus_copy):
    root = tmp_path / "index"
    first = build_index(corpus_copy, root, jobs=1)
    assert first.summary() | {"elapsed_seconds": 0} == {
        "index": str(root), "full": True, "added": 5, "updated": 0, "removed": 0, "unchanged": 0,
        "skipped": 0, "total": 5, "elapsed_seconds": 0}
    served = storage.current_generation(root)
    (corpus_copy / "new.txt").write_text(EXTRA, encoding="utf-8")
    (corpus_copy / "000_19ab6ee4ef156fa2.txt").write_text(EXTRA.replace("2020", "2021"), encoding="utf-8")
    (corpus_copy / "004_e6afc45b14d197f5.txt").unlink()
    (corpus_copy / "broken.txt").write_bytes(b"%PDF-1.4")
    second = build_index(corpus_copy, root, jobs=1)
    assert (second.full, second.added, second.updated, second.removed, second.unchanged) == (
        False, ["new"], ["000_19ab6ee4ef156fa2"], ["004_e6afc45b14d197f5"], 3)
    assert [(s.origin, s.reason) for s in second.skipped] == [("broken.txt", "not text: a PDF document")]
    assert storage.current_generation(root) == served  # updated in place
    assert sorted(_ids(root)) == ["000_19ab6ee4ef156fa2", "001_db3e4cde8e9e11f8", "002_3240b270d685cc74",
                                  "003_a55e86e18369f327", "new"]
    doc = SearchEngine(root).document("000_19ab6ee4ef156fa2")
    assert (doc["district"], doc["year"]) == ("Mộc Châu", 2021)
    third = build_index(corpus_copy, root, jobs=1)
    assert (third.added, third.updated, third.removed, third.unchanged) == ([], [], [], 5)


def test_full_rebuild_swaps_generations_and_keeps_one_previous(tmp_path, corpus_copy):
    root = tmp_path / "index"
    build_index(corpus_copy, root, jobs=1)
    first = storage.current_generation(root)
    (corpus_copy / "new.txt").write_text(EXTRA, encoding="utf-8")
    build_index(corpus_copy, root, full=True, jobs=1)
    second = storage.current_generation(root)
    (corpus_copy / "new.txt").unlink()
    build_index(corpus_copy, root, full=True, jobs=1)
    third = storage.current_generation(root)
    assert len({first, second, third}) == 3
    assert sorted(p.name for p in root.glob("gen-*")) == sorted([second.name, third.name])
    assert len(_ids(root)) == 5


def test_an_unchanged_full_rebuild_writes_nothing_but_its_record(tmp_path, corpus_copy):
    """Nothing changed since the last full build: no new generation, no swap, no file but the build record."""
    root = tmp_path / "index"
    build_index(corpus_copy, root, jobs=1)
    served = storage.current_generation(root)
    files = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}
    report = build_index(corpus_copy, root, full=True, jobs=1)
    assert (report.full, report.added, report.updated, report.removed, report.unchanged, report.total) == (
        True, [], [], [], 5, 5)
    assert storage.current_generation(root) == served and list(root.glob("gen-*")) == [served]
    changed = {p for p in root.rglob("*") if p.is_file() and (p.stat().st_ino, p.stat().st_mtime_ns) != files.get(p)}
    assert changed == {served / storage.BUILD_INFO, root / ".lock"}
    info = storage.read_build_info(served)
    assert info["last_run"]["full"] and info["built_at"] <= info["checked_at"]


def test_parallel_workers_give_the_same_index(tmp_path, corpus_copy):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    build_index(corpus_copy, serial, jobs=1)
    build_index(corpus_copy, parallel, jobs=2)
    for query in ("cải cách hành chính", "cai cach", '"một cửa liên thông"'):
        a = SearchEngine(serial).run_search(make_request(query)).to_dict()
        b = SearchEngine(parallel).run_search(make_request(query)).to_dict()
        assert a == b


def _hold_lock(root, ready, release):
    with index_lock(root):
        ready.set()
        release.wait(10)


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path, corpus_copy):
    root = tmp_path / "index"
    context = multiprocessing.get_context("fork")
    ready, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_lock, args=(root, ready, release))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(IndexBusy) as caught:
            build_index(corpus_copy, root, jobs=1)
        assert f"(pid {holder.pid}) is writing {root}" in str(caught.value)
    finally:
        release.set()
        holder.join(10)
    assert build_index(corpus_copy, root, jobs=1).total == 5  # the lock died with its holder


def test_missing_corpus_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        build_index(tmp_path / "nope", tmp_path / "index")


def test_full_rebuild_reuses_what_is_unchanged_and_equals_a_scratch_build(tmp_path, corpus_copy):
    root, scratch_root = tmp_path / "index", tmp_path / "scratch"
    build_index(corpus_copy, root, jobs=1)
    before = storage.current_generation(root)
    (corpus_copy / "new.txt").write_text(EXTRA, encoding="utf-8")
    report = build_index(corpus_copy, root, full=True, jobs=1)
    assert (report.full, report.added, report.updated, report.unchanged) == (True, ["new"], [], 5)
    assert storage.current_generation(root) != before
    scratch = build_index(corpus_copy, scratch_root, full=True, scratch=True, jobs=1)
    assert (len(scratch.added), scratch.unchanged) == (6, 0)
    for query in ("", "cải cách hành chính", "mộc châu", '"một cửa"'):
        ours = SearchEngine(root).run_search(make_request(query, per_page=20)).to_dict()
        assert ours == SearchEngine(scratch_root).run_search(make_request(query, per_page=20)).to_dict()


def test_unchanged_files_are_not_decoded_again(tmp_path, corpus_copy, monkeypatch):
    import indexer.reader

    root = tmp_path / "index"
    build_index(corpus_copy, root, jobs=1)
    (corpus_copy / "new.txt").write_text(EXTRA, encoding="utf-8")
    decoded = []
    original = indexer.reader.decode_text
    monkeypatch.setattr(indexer.reader, "decode_text", lambda data, **kw: decoded.append(data) or original(data, **kw))
    report = build_index(corpus_copy, root, jobs=1)
    assert (report.added, report.unchanged, report.skipped) == (["new"], 5, [])
    assert decoded == [EXTRA.encode("utf-8")]
    assert len(_ids(root)) == 6


def test_segments_are_separate_files_not_compound(tmp_path, corpus_copy):
    root = tmp_path / "index"
    build_index(corpus_copy, root, jobs=1)
    names = {p.suffix for p in storage.current_generation(root).iterdir()}
    assert ".seg" not in names and {".trm", ".pst"} <= names


def test_an_index_whose_every_file_was_skipped_is_updated_and_rebuilt(tmp_path):
    corpus, root = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "scan.txt").write_bytes(b"%PDF-1.7 a scanned report")
    assert build_index(corpus, root, jobs=1).total == 0
    assert [build_index(corpus, root, jobs=1, **options).total for options in ({}, {"full": True})] == [0, 0]
    (corpus / "new.txt").write_text(EXTRA, encoding="utf-8")
    assert build_index(corpus, root, full=True, jobs=1).added == ["new"]
    assert _ids(root) == ["new"]
