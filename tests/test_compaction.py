"""Compaction: after a reusing rebuild the index is exactly what a build from scratch gives."""

import json
import random
import shutil

import pytest
from whoosh import index as whoosh_index

from bench.generate import generate, write_corpus
from indexer.builder import build_index
from indexer.compaction import compact, live_ids, needs_compaction, segment_ids
from search import hot, storage
from search.arrays import scored_fields
from search.engine import SearchEngine
from search.hot import write_segment
from search.models import make_request

QUERIES = ("cải cách hành chính", "một cửa", '"mot cua lien thong"', "SIPAS OR PAPI", "thủ tục -sipas",
           "kế hoạch", "")
TEXT_FIELDS = ("title", "title_folded", "title_pairs", "content", "content_folded", "content_pairs")


def _statistics(root):
    """What BM25 reads from an index, and its documents in document-number order."""
    ix = storage.open_current(root)
    with ix.searcher() as searcher:
        return {"documents": searcher.doc_count(), "counted": searcher.doc_count_all(),
                "lengths": {name: searcher.field_length(name) for name in TEXT_FIELDS},
                "ids": live_ids(searcher.reader())}


def _ranking(root, query):
    """The whole answer (hits, snippets, facets) and each hit's id and score to 9 decimals."""
    response = SearchEngine(root).run_search(make_request(query, per_page=100))
    scores = [(hit.id, round(hit.score, 9) if hit.score is not None else None) for hit in response.results]
    return response.to_dict(), scores


def _edit(corpus, share=0.2, removed=8, seed=5):
    """Rewrite ``share`` of the bulletins with other generated texts and remove ``removed`` others."""
    files = sorted(corpus.glob("*.txt"))
    chosen = random.Random(seed).sample(files, int(len(files) * share) + removed)
    for path, text in zip(chosen, generate(len(chosen), seed=seed), strict=True):
        path.write_text(text, encoding="utf-8")
    for path in chosen[-removed:]:
        path.unlink()
    return len(chosen) - removed, removed


PATHS = ["--full", "incremental, then --full"]


@pytest.fixture(scope="module", params=PATHS)
def rebuilt(request, tmp_path_factory):
    """150 generated bulletins indexed, then 20% rewritten and 8 removed, then a reusing ``--full`` (right
    away, or after an incremental run) and a ``--scratch`` build of the edited corpus into another folder:
    {"incremental": statistics after the incremental run or None, "reused": folder, "scratch": folder}."""
    base = tmp_path_factory.mktemp("rebuilt")
    corpus, reused, scratch = write_corpus(150, base / "corpus"), base / "reused", base / "scratch"
    build_index(corpus, reused, jobs=2)
    changed, removed = _edit(corpus)
    after_incremental = None
    if request.param.startswith("incremental"):
        incremental = build_index(corpus, reused, jobs=2)
        assert (len(incremental.updated), len(incremental.removed)) == (changed, removed)
        after_incremental = _statistics(reused)
    full = build_index(corpus, reused, full=True, jobs=2)
    expected = (0, 0, 142) if after_incremental else (changed, removed, 150 - changed - removed)
    assert (len(full.updated), len(full.removed), full.unchanged) == expected
    build_index(corpus, scratch, scratch=True, jobs=2)
    return {"incremental": after_incremental, "reused": reused, "scratch": scratch}


@pytest.mark.slow  # the rebuilt corpora go through pyvi (about 15 s each); CI runs them
@pytest.mark.parametrize("rebuilt", ["incremental, then --full"], indirect=True)
def test_an_incremental_run_leaves_deleted_documents_counted(rebuilt):
    after_incremental = rebuilt["incremental"]
    # the 30 rewritten and 8 removed bulletins still count in N, document frequencies and field lengths
    assert (after_incremental["documents"], after_incremental["counted"]) == (142, 180)
    assert _statistics(rebuilt["scratch"])["counted"] == 142


@pytest.mark.slow
def test_a_reusing_full_rebuild_has_the_statistics_of_a_scratch_build(rebuilt):
    assert _statistics(rebuilt["reused"]) == _statistics(rebuilt["scratch"])
    assert _statistics(rebuilt["scratch"])["documents"] == 142


@pytest.mark.slow
@pytest.mark.parametrize("query", QUERIES)
def test_a_reusing_full_rebuild_ranks_and_scores_as_a_scratch_build(rebuilt, query):
    answer, scores = _ranking(rebuilt["scratch"], query)
    assert answer["total"] > 0
    assert _ranking(rebuilt["reused"], query) == (answer, scores)


def test_compact_drops_deleted_documents_and_follows_the_order(tmp_path, sample_index):
    generation = tmp_path / "copy"
    generation.mkdir()
    for path in storage.current_generation(sample_index).iterdir():
        if path.is_file():
            generation.joinpath(path.name).write_bytes(path.read_bytes())
    ix = whoosh_index.open_dir(str(generation))
    with ix.reader() as reader:
        ids = live_ids(reader)
    order = list(reversed(ids))
    assert (needs_compaction(ix, ids), needs_compaction(ix, order)) == (False, True)
    writer = ix.writer()
    writer.delete_by_term("id", ids[2])
    writer.commit(merge=False)
    assert needs_compaction(ix, [i for i in ids if i != ids[2]])
    compact(ix, order)
    with ix.searcher() as searcher:
        assert (live_ids(searcher.reader()), searcher.doc_count_all()) == (
            [i for i in order if i != ids[2]], 4)
    assert not needs_compaction(ix, order)


# --full after a history of incremental runs equals --scratch (issue 19): the histories start from one index
# of BASE generated bulletins, built once; each copies it and its corpus.
BASE = 60  # more than Whoosh's merge of small segments takes in: five one-bulletin segments merge beside it


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("base")
    corpus = write_corpus(BASE, folder / "corpus")
    build_index(corpus, folder / "index", jobs=1)
    return folder


def _add(corpus, number: int, seed: int) -> None:
    (corpus / f"{number:06d}.txt").write_text(next(generate(1, seed=seed)), encoding="utf-8")


def _daily_additions(corpus, root, monkeypatch):
    """A bulletin a day for six days, the last a backfilled older one: Whoosh merges the five small segments
    (lengths summed as one-byte approximations) and the merged segment happens to keep the corpus order."""
    for day, number in enumerate([70, 71, 72, 73, 74, 65]):
        _add(corpus, number, seed=100 + day)
        assert len(build_index(corpus, root, jobs=1).added) == 1
    ix = storage.open_current(root)
    assert [s.doc_count_all() for s in ix._segments()] == [BASE, 6]  # merged ...
    assert not needs_compaction(ix, sorted(p.stem for p in corpus.glob("*.txt")))  # ... and no deletions, in order


def _edits(corpus, root, monkeypatch):
    files = sorted(corpus.glob("*.txt"))
    for day, edited in enumerate([files[3:6], files[10:12], files[4:5]]):
        for path in edited:
            path.write_text(path.read_text(encoding="utf-8") + f"\n\nCập nhật ngày {day + 1}: một cửa liên thông.",
                            encoding="utf-8")
        assert len(build_index(corpus, root, jobs=1).updated) == len(edited)


def _removals(corpus, root, monkeypatch):
    files = sorted(corpus.glob("*.txt"))
    for path in files[7:9]:
        path.unlink()
    assert len(build_index(corpus, root, jobs=1).removed) == 2
    files[20].unlink()
    _add(corpus, 80, seed=300)
    report = build_index(corpus, root, jobs=1)
    assert (len(report.removed), len(report.added)) == (1, 1)


def _fingerprint_change(corpus, root, monkeypatch):
    """The pipeline changed (a data file, a library version): every bulletin is extracted again."""
    import indexer.builder
    import indexer.reader

    for module in (indexer.reader, indexer.builder):
        monkeypatch.setattr(module, "pipeline_fingerprint", lambda: "another pipeline")
    _add(corpus, 75, seed=400)
    report = build_index(corpus, root, jobs=1)
    assert (len(report.updated), len(report.added)) == (BASE, 1)


def _additions_without_merge(corpus, root, monkeypatch):
    """Two new bulletins on two days: three segments with exact length totals, no deletions, in order."""
    for day in range(2):
        _add(corpus, 90 + day, seed=500 + day)
        build_index(corpus, root, jobs=1)
    assert len(storage.open_current(root)._segments()) == 3


HISTORIES = {"daily additions, Whoosh-merged": _daily_additions, "edits": _edits, "removals": _removals,
             "fingerprint change": _fingerprint_change, "additions without a merge": _additions_without_merge}
HISTORY_QUERIES = ("cải cách hành chính", "một cửa", '"mot cua lien thong"', "kế hoạch năm 2021", "SIPAS OR PAPI",
                   "thủ tục -sipas", "")


def _files(root):
    """Every file below an index folder but the build record and the lock: (inode, mtime, size) by path."""
    return {path.relative_to(root).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns, path.stat().st_size)
            for path in root.rglob("*") if path.is_file() and path.name not in (storage.BUILD_INFO, ".lock")}


@pytest.mark.slow  # each history indexes 60 to 130 generated bulletins through pyvi (7 to 12 s); CI runs them
@pytest.mark.parametrize("history", HISTORIES, ids=list(HISTORIES))
def test_full_after_a_history_equals_scratch_and_an_unchanged_full_writes_nothing(tmp_path, base, monkeypatch,
                                                                                   history):
    corpus, root, scratch = tmp_path / "corpus", tmp_path / "index", tmp_path / "scratch"
    shutil.copytree(base / "corpus", corpus)
    shutil.copytree(base / "index", root, symlinks=True)
    HISTORIES[history](corpus, root, monkeypatch)
    build_index(corpus, root, full=True, jobs=1)
    build_index(corpus, scratch, scratch=True, jobs=1)
    for query in HISTORY_QUERIES:
        answer, scores = _ranking(scratch, query)
        assert answer["total"] > 0 or not query
        assert _ranking(root, query) == (answer, scores), query

    served, files = storage.current_generation(root), _files(root)
    report = build_index(corpus, root, full=True, jobs=1)
    assert (report.full, report.added, report.updated, report.removed) == (True, [], [], [])
    assert (storage.current_generation(root), _files(root)) == (served, files)


def test_a_segment_whose_length_totals_are_not_known_exact_needs_compaction(tmp_path, sample_index):
    generation = storage.current_generation(sample_index)
    ix = whoosh_index.open_dir(str(generation))
    with ix.reader() as reader:
        ids = live_ids(reader)
    exact = storage.read_build_info(generation)["exact_segments"]
    assert exact == sorted(segment_ids(ix)) and len(exact) == 1
    assert (needs_compaction(ix, ids, exact), needs_compaction(ix, ids, []), needs_compaction(ix, ids)) == (
        False, True, False)


SENTENCES = (  # written for this test: short bulletins, so that 55 of them index in a few seconds
    "Ủy ban nhân dân huyện tiếp tục đẩy mạnh cải cách hành chính trong năm 2021.",
    "Bộ phận một cửa tiếp nhận và trả kết quả hồ sơ đúng hạn cho người dân.",
    "Sở Nội vụ tổ chức khảo sát sự hài lòng của người dân đối với dịch vụ công.",
    "Các xã rà soát thủ tục hành chính và công khai quy trình giải quyết.",
    "Chỉ số PAR Index của tỉnh tăng ba bậc so với năm trước.",
    "Kế hoạch kiểm tra công tác cải cách hành chính được ban hành từ đầu quý.",
    "Cán bộ, công chức được tập huấn về chuyển đổi số và dịch vụ công trực tuyến.",
    "Hội nghị sơ kết sáu tháng đánh giá kết quả thực hiện nhiệm vụ trọng tâm.",
)


def _short_bulletin(rng: random.Random, number: int) -> str:
    chosen = rng.sample(SENTENCES, rng.randint(2, 5))
    return f"Bản tin cải cách hành chính số {number}\n\n" + " ".join(chosen)


def test_daily_additions_that_whoosh_merges_in_corpus_order_are_compacted_by_full(tmp_path):
    """The known failure, small: the merged segment keeps the corpus order and has no deletions."""
    rng, corpus = random.Random(19), tmp_path / "corpus"
    corpus.mkdir()
    for number in range(55):
        (corpus / f"{number:03d}.txt").write_text(_short_bulletin(rng, number), encoding="utf-8")
    build_index(corpus, tmp_path / "index", jobs=1)
    for number in (70, 71, 72, 73, 74, 65):  # the last a backfilled older bulletin
        (corpus / f"{number:03d}.txt").write_text(_short_bulletin(rng, number), encoding="utf-8")
        build_index(corpus, tmp_path / "index", jobs=1)
    ix = storage.open_current(tmp_path / "index")
    assert [s.doc_count_all() for s in ix._segments()] == [55, 6]
    assert not needs_compaction(ix, sorted(p.stem for p in corpus.glob("*.txt")))
    build_index(corpus, tmp_path / "index", full=True, jobs=1)
    build_index(corpus, tmp_path / "scratch", scratch=True, jobs=1)
    assert _statistics(tmp_path / "index") == _statistics(tmp_path / "scratch")
    for query in ("cải cách hành chính", "một cửa", "dịch vụ công trực tuyến"):
        assert _ranking(tmp_path / "index", query) == _ranking(tmp_path / "scratch", query)


def _folder_files(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _segment_files(root) -> dict:
    """The one segment's files of an index (name less the segment's random id: bytes), its length totals and
    its hot postings, which compaction wrote, and those ``write_segment`` writes from the segment."""
    ix = storage.open_current(root)
    (segment,) = ix._segments()
    generation = storage.current_generation(root)
    files = {path.name.replace(segment.segment_id(), ""): path.read_bytes()
             for path in generation.iterdir() if path.name.startswith(segment.segment_id())}
    with ix.reader() as reader:
        write_segment(root / "from the segment", reader, scored_fields(ix.schema), min_docs=hot.HOT_DOCS)
    return {"files": files, "lengths": dict(segment._fieldlengths), "documents": segment.doc_count_all(),
            "hot": _folder_files(hot.folder_for(generation, segment.segment_id())),
            "hot from the segment": _folder_files(root / "from the segment")}


@pytest.mark.parametrize("removal", [True, False], ids=["edits and a removal", "edits only"])
def test_terms_copied_as_they_are_give_the_bytes_of_terms_written_again(tmp_path, monkeypatch, removal):
    """Compaction copies the postings of a term none of whose documents moved: the segment it writes is the one
    it writes when every term is decoded, renumbered and encoded again, byte for byte. The hot postings it
    writes on the way are those read from the segment afterwards (lists of 5 documents or more, here).

    With a removal, the documents after it move (only documents 0 to 11 keep their numbers); with edits only,
    every document but the edited ones keeps its number, and a term is copied also when an edited document lies
    between its first and last, not among its own (its ids are read): more terms than its span alone allows."""
    import indexer.compaction
    from indexer.compaction import _Source
    from indexer.writing import PartWriter

    monkeypatch.setattr(hot, "HOT_DOCS", 5)

    rng, corpus = random.Random(23), tmp_path / "corpus"
    corpus.mkdir()
    for number in range(55):
        (corpus / f"{number:03d}.txt").write_text(_short_bulletin(rng, number), encoding="utf-8")
    build_index(corpus, tmp_path / "index", jobs=1)
    for number in (30, 31, 44):
        path = corpus / f"{number:03d}.txt"
        path.write_text(path.read_text(encoding="utf-8") + " Cập nhật: một cửa liên thông điện tử.", encoding="utf-8")
    if removal:
        (corpus / "012.txt").unlink()
    assert len(build_index(corpus, tmp_path / "index", jobs=1).updated) == 3
    order = sorted(path.stem for path in corpus.glob("*.txt"))
    copies, compacted = tmp_path / "copies", {}
    spy, read_ids = PartWriter.copy_term, _Source.keeps_numbers

    def counted(self, *args):  # the ranges are written by child processes: they count in a file
        with copies.open("ab") as out:
            out.write(args[0] + b"\n")
        spy(self, *args)

    monkeypatch.setattr(PartWriter, "copy_term", counted)
    copied = {}
    for way in ("copied", "by span only", "written again"):
        root = tmp_path / way
        shutil.copytree(tmp_path / "index", root, symlinks=True)
        monkeypatch.setattr(_Source, "keeps_numbers", (lambda *_: False) if way == "by span only" else read_ids)
        if way == "written again":
            monkeypatch.setattr(indexer.compaction, "_copyable", lambda *_: None)
        copies.write_bytes(b"")
        compact(storage.open_current(root), order, parts=2)
        compacted[way], copied[way] = _segment_files(root), copies.read_bytes().count(b"\n")
    assert copied["by span only"] > 10  # the rare terms of documents that keep their numbers, either way
    assert (copied["copied"] > copied["by span only"]) is not removal, copied  # the ids read: edits only
    assert copied["written again"] == 0
    assert compacted["copied"]["documents"] == 54 if removal else 55
    assert compacted["copied"] == compacted["by span only"] == compacted["written again"]
    assert compacted["copied"]["hot"] == compacted["copied"]["hot from the segment"]
    assert len(json.loads(compacted["copied"]["hot"]["terms.json"])["content_pairs"]) > 10
    assert len(json.loads(compacted["copied"]["hot"]["positions.json"])["content_pairs"]) > 10
