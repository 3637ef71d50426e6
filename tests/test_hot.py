"""Hot postings: each segment's long posting lists, written once as arrays, read exactly as Whoosh's blocks."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from search import hot as hot_module
from search import storage
from search.arrays import scored_fields
from search.compiler import compile_query
from search.engine import SearchEngine
from search.hot import (
    PREFIX,
    HotRun,
    ensure_hot,
    folder_for,
    hot_terms,
    leaf_places,
    leaf_positions,
    leaf_postings,
    load_segment,
    open_hot,
    position_keys,
    segment_id,
    store_runs,
    write_segment,
)
from search.models import make_request
from search.postings import postings_cache
from search.query import parse_query
from search.schema import PackedPositions
from search.vector import VectorSearcher
from tests.helpers import changed_index, dead_pid

QUERIES = ["một cửa liên thông", "cai cach hanh chinh", '"dịch vụ công"', '"cải cách hành chính"', "hành chính -PAPI",
           "+công chức năm 2020", "chỉ số PAR INDEX", "ket qua thuc hien"]


def _copy(root, tmp_path):
    copy = tmp_path / "index"
    shutil.copytree(root, copy, symlinks=True)
    return copy, storage.current_generation(copy)


def _rewrite_hot(root, generation, min_docs):
    """Hot postings of every segment again, with lists of ``min_docs`` documents or more."""
    for folder in generation.glob(f"{PREFIX}*"):
        shutil.rmtree(folder)
    ix = storage.open_current(root)
    with ix.reader() as reader:
        return ensure_hot(generation, reader, scored_fields(ix.schema), min_docs)


def _searchers(root, generation):
    """Array searchers over the served index: decoding every list, and reading the hot postings written."""
    engine = SearchEngine(root, cache_size=0)
    state = engine._current()
    searcher, arrays = state.searcher, state.arrays
    plain = VectorSearcher(searcher, arrays.table.live, arrays.lengths, cache=postings_cache(0))
    fast = VectorSearcher(searcher, arrays.table.live, arrays.lengths, cache=postings_cache(0),
                          hot=open_hot(generation, searcher.reader()))
    return engine, plain, fast


def _same_answers(engine, plain, fast) -> None:
    state = engine._current()
    for text in QUERIES:
        query, _ = compile_query(parse_query(text), engine._resolver(state))
        (mask, scores), (hot_mask, hot_scores) = plain.evaluate(query), fast.evaluate(query)
        assert mask.any() and mask.tolist() == hot_mask.tolist(), text
        assert scores[mask].tolist() == hot_scores[hot_mask].tolist(), text


def test_the_indexer_writes_each_segments_hot_postings(sample_index):
    generation = storage.current_generation(sample_index)
    ix = storage.open_current(sample_index)
    with ix.reader() as reader:
        segments = [segment_id(leaf) for leaf, _ in reader.leaf_readers()]
    assert sorted(p.name for p in generation.glob(f"{PREFIX}*")) == sorted(f"{PREFIX}{s}" for s in segments)
    for segment in segments:
        terms = json.loads((folder_for(generation, segment) / "terms.json").read_text())
        assert terms == {field: {} for field in scored_fields(ix.schema)}  # five bulletins: no list is long
    engine = SearchEngine(sample_index, cache_size=0)
    assert [len(h) for h in engine._current().hot] == [0] * len(segments)
    assert engine.run_search(make_request("cải cách hành chính")).total > 0


def test_every_list_of_two_documents_or_more_is_read_from_the_map_as_whoosh_stores_it(sample_index, tmp_path):
    root, generation = _copy(sample_index, tmp_path)
    assert _rewrite_hot(root, generation, min_docs=2) >= 1
    engine, plain, fast = _searchers(root, generation)
    reader = engine._current().searcher.reader()
    checked = placed = 0
    for (leaf, _), hot in zip(reader.leaf_readers(), fast._hot, strict=True):
        expected = hot_terms(leaf, scored_fields(leaf.schema), 2)
        assert len(hot) == len(expected) > 100
        assert isinstance(hot.ids.base, np.memmap) and not hot.ids.flags.writeable
        for field, term, count in expected:
            ids, weights = hot.get(field, term.decode())
            want_ids, want_weights = leaf_postings(leaf, field, term)
            assert (len(ids), ids.tolist(), weights.tolist()) == (count, want_ids.tolist(), want_weights.tolist())
            assert [a.tolist() for a in fast.scored(field, term.decode())] == [
                a.tolist() for a in plain.scored(field, term.decode())]
            if isinstance(leaf.schema[field].format, PackedPositions):
                want = leaf_positions(leaf, field, term)
                assert hot.positions(field, term.decode()).tolist() == want.tolist() != []
                assert fast.positions(field, term.decode()).tolist() == plain.positions(field, term.decode()).tolist()
                placed += 1
            else:
                assert hot.positions(field, term.decode()) is None
            checked += 1
    assert checked > 100 and placed > 20
    assert fast.scored("content", "không-có-từ-này")[0].tolist() == []
    _same_answers(engine, plain, fast)


def test_weights_are_kept_as_uint16_and_a_weight_it_cannot_hold_falls_back_to_float32(
        sample_index, tmp_path, monkeypatch):
    root, generation = _copy(sample_index, tmp_path)
    assert _rewrite_hot(root, generation, min_docs=2) >= 1
    engine, plain, fast = _searchers(root, generation)
    assert {hot.weights.dtype for hot in fast._hot} == {np.dtype(np.uint16)}
    assert {hot.ids.dtype for hot in fast._hot} == {np.dtype(np.int32)}  # 6 bytes a posting
    # a term frequency uint16 cannot hold (a page repeating one word 70,000 times): the segment takes float32
    real = hot_module.leaf_postings

    def one_huge(leaf, field, text, offset=0):
        ids, weights = real(leaf, field, text, offset)
        return ids, np.where(np.arange(len(weights)) == 0, 70000.0, weights)
    monkeypatch.setattr(hot_module, "leaf_postings", one_huge)
    _rewrite_hot(root, generation, min_docs=2)
    loaded = [h for h in open_hot(generation, engine._current().searcher.reader()) if len(h)]
    assert {h.weights.dtype for h in loaded} == {np.dtype(np.float32)}
    assert 70000.0 in loaded[0].weights.tolist()


def _placed(hot) -> list[tuple[str, str]]:
    return [(field, text) for field, texts in hot.placed.items() for text in texts]


def test_positions_take_two_bytes_each_and_uint32_when_a_position_passes_65535(sample_index, tmp_path, monkeypatch):
    root, generation = _copy(sample_index, tmp_path)
    _rewrite_hot(root, generation, min_docs=2)
    engine, plain, fast = _searchers(root, generation)
    reader = engine._current().searcher.reader()
    for (leaf, _), hot in zip(reader.leaf_readers(), fast._hot, strict=True):
        folder = folder_for(generation, segment_id(leaf))
        stored = np.load(folder / "positions.npy", mmap_mode="r")
        count = sum(len(leaf_positions(leaf, field, text)) for field, text in _placed(hot))
        assert (stored.dtype, len(stored), hot.keys) == (np.dtype(np.uint16), count, None) and count > 1000
        assert (folder / "positions.npy").stat().st_size - count * 2 <= 128  # the .npy header
        assert sorted(p.name for p in folder.iterdir()) == [
            "ids.npy", "positions.json", "positions.npy", "terms.json", "weights.npy"]
    # a bulletin of 70,000 syllables and more: its positions do not fit 16 bits
    real = hot_module.leaf_places

    def far(leaf, field, text):
        docs, counts, places = real(leaf, field, text)
        return docs, counts, places + np.uint32(70000)
    monkeypatch.setattr(hot_module, "leaf_places", far)
    _rewrite_hot(root, generation, min_docs=2)
    loaded = [h for h in open_hot(generation, reader) if len(h)]
    assert {h.places.dtype for h in loaded} == {np.dtype(np.uint32)}
    for (leaf, _), hot in zip(reader.leaf_readers(), loaded, strict=True):
        for field, text in _placed(hot):
            docs, counts, places = real(leaf, field, text)
            assert hot.positions(field, text).tolist() == position_keys(docs, counts, places + 70000).tolist()


def test_positions_written_as_int64_keys_by_an_older_version_are_read_as_they_are(sample_index, tmp_path):
    root, generation = _copy(sample_index, tmp_path)
    _rewrite_hot(root, generation, min_docs=2)
    engine, plain, fast = _searchers(root, generation)
    reader = engine._current().searcher.reader()
    expected = {}
    for (leaf, _), hot in zip(reader.leaf_readers(), fast._hot, strict=True):
        folder = folder_for(generation, segment_id(leaf))
        keys = np.zeros(len(np.load(folder / "positions.npy")), dtype="<i8")  # positions.bin as it was written
        for field, text in _placed(hot):
            start, end = hot.placed[field][text]
            keys[start:end] = expected[field, text] = leaf_positions(leaf, field, text)
        keys.tofile(folder / "positions.bin")
        (folder / "positions.npy").unlink()
        older = load_segment(folder)
        assert older.places is None and older.keys.dtype == np.dtype("<i8")
        assert {key: older.positions(*key).tolist() for key in expected} == {
            key: value.tolist() for key, value in expected.items()}
        assert older.positions(*next(iter(expected)), offset=3).tolist() == (
            expected[next(iter(expected))] + (3 << 32)).tolist()
    engine, plain, fast = _searchers(root, generation)
    assert all(h.keys is not None for h in fast._hot)
    _same_answers(engine, plain, fast)


def test_a_list_whose_weights_are_not_its_numbers_of_positions_keeps_them_in_whoosh(
        sample_index, tmp_path, monkeypatch):
    root, generation = _copy(sample_index, tmp_path)
    real = hot_module.leaf_postings

    def boosted(leaf, field, text, offset=0):  # as a field boost of 2 on the pairs fields would weigh them
        ids, weights = real(leaf, field, text, offset)
        return ids, weights * 2 if field.endswith("_pairs") else weights
    monkeypatch.setattr(hot_module, "leaf_postings", boosted)
    _rewrite_hot(root, generation, min_docs=2)
    monkeypatch.undo()
    engine, plain, fast = _searchers(root, generation)
    assert [(folder / "positions.npy").exists() for folder in generation.glob(f"{PREFIX}*")] == [False]
    for hot in fast._hot:
        assert hot.placed == {} and len(hot.terms["content_pairs"]) > 20
        for text in hot.terms["content_pairs"]:
            assert hot.positions("content_pairs", text) is None
            assert fast.positions("content_pairs", text).tolist() == plain.positions("content_pairs", text).tolist()


def test_damaged_hot_postings_are_decoded_instead(sample_index, tmp_path):
    root, generation = _copy(sample_index, tmp_path)
    _rewrite_hot(root, generation, min_docs=2)
    expected = SearchEngine(root, cache_size=0).run_search(make_request("cải cách hành chính", per_page=5))
    for folder in generation.glob(f"{PREFIX}*"):
        (folder / "ids.npy").write_bytes(b"not an array")
    engine = SearchEngine(root, cache_size=0)
    assert engine._current().hot == [None] * len(engine._current().hot)
    assert engine.run_search(make_request("cải cách hành chính", per_page=5)).to_dict() == expected.to_dict()


def test_only_new_segments_are_written_and_gone_ones_dropped(sample_index, tmp_path):
    root, generation = _copy(sample_index, tmp_path)
    ix = storage.open_current(root)
    fields = scored_fields(ix.schema)
    (generation / f"{PREFIX}MAIN_gone").mkdir()
    half = generation / f".{PREFIX}MAIN_half.{dead_pid()}"
    half.mkdir()  # what a killed run leaves
    with ix.reader() as reader:
        assert ensure_hot(generation, reader, fields) == 0  # the indexer wrote them all already
    assert not (generation / f"{PREFIX}MAIN_gone").exists() and not half.exists()
    with ix.reader() as reader:
        first = segment_id(next(iter(reader.leaf_readers()))[0])
        shutil.rmtree(folder_for(generation, first))
        assert ensure_hot(generation, reader, fields) == 1
    assert (folder_for(generation, first) / "terms.json").exists()


@pytest.mark.slow
def test_hot_postings_of_an_index_with_segments_and_deletions(tmp_path):
    root = changed_index(tmp_path / "changed", 120, every=9, removed=slice(2, None, 40))
    generation = storage.current_generation(root)
    assert _rewrite_hot(root, generation, min_docs=20) > 1
    engine, plain, fast = _searchers(root, generation)
    assert len(plain.leaves) > 1 and sum(len(h) for h in fast._hot) > 50
    assert engine._current().searcher.doc_count_all() > engine._current().searcher.doc_count()  # deletions
    placed = {key for hot in fast._hot for key in _placed(hot)}
    assert len(placed) > 20
    for field, text in placed:  # each leaf's positions at its offset
        assert fast.positions(field, text).tolist() == plain.positions(field, text).tolist()
    _same_answers(engine, plain, fast)



def _files(generation) -> dict[str, bytes]:
    return {f"{folder.name}/{path.name}": path.read_bytes()
            for folder in sorted(generation.glob(f"{PREFIX}*")) for path in sorted(folder.iterdir())}


def test_hot_postings_written_by_several_processes_are_the_same_files(sample_index, tmp_path, monkeypatch):
    root, generation = _copy(sample_index, tmp_path)
    _rewrite_hot(root, generation, min_docs=2)
    alone = _files(generation)
    monkeypatch.setattr(hot_module, "SHARED_POSTINGS", 0)  # the sample's lists are shared out too
    for parts in (2, 3):
        for folder in generation.glob(f"{PREFIX}*"):
            shutil.rmtree(folder)
        ix = storage.open_current(root)
        with ix.reader() as reader:
            assert ensure_hot(generation, reader, scored_fields(ix.schema), 2, parts=parts) >= 1
        assert _files(generation) == alone and any(name.endswith("positions.npy") for name in alone)
    # a weight uint16 cannot hold, met by a forked process: the segment is written again with float32 weights
    real = hot_module.leaf_postings

    def huge_last(leaf, field, text, offset=0):
        ids, weights = real(leaf, field, text, offset)
        return ids, np.where(np.arange(len(weights)) == len(weights) - 1, 70000.0, weights)
    monkeypatch.setattr(hot_module, "leaf_postings", huge_last)
    for folder in generation.glob(f"{PREFIX}*"):
        shutil.rmtree(folder)
    ix = storage.open_current(root)
    with ix.reader() as reader:
        ensure_hot(generation, reader, scored_fields(ix.schema), 2, parts=2)
        loaded = [h for h in open_hot(generation, reader) if len(h)]
        assert {h.weights.dtype for h in loaded} == {np.dtype(np.float32)}


@pytest.mark.parametrize("weights", ["term frequencies", "one uint16 cannot hold"])
def test_runs_handed_their_lists_store_the_files_write_segment_reads_from_the_segment(
        sample_index, tmp_path, monkeypatch, weights):
    """Compaction hands each of its processes' long lists to a ``HotRun``; ``store_runs`` makes of the runs the
    files ``write_segment`` writes from the segment, byte for byte, uint16 or float32 weights alike."""
    if weights == "one uint16 cannot hold":
        real = hot_module.leaf_postings

        def one_huge(leaf, field, text, offset=0):
            ids, found = real(leaf, field, text, offset)
            return ids, np.where(np.arange(len(found)) == 0, 70000.0, found)
        monkeypatch.setattr(hot_module, "leaf_postings", one_huge)
    ix = storage.open_current(sample_index)
    fields = scored_fields(ix.schema)
    with ix.reader() as reader:
        leaf = reader.leaf_readers()[0][0]
        assert write_segment(tmp_path / "read", leaf, fields, min_docs=2) >= 4
        lists, handed, answers = hot_terms(leaf, fields, 2), tmp_path / "handed", []
        handed.mkdir()
        for k, run_lists in enumerate((lists[:len(lists) // 2], lists[len(lists) // 2:])):
            with HotRun(handed, k, fields, min_docs=2) as run:
                for field, term, _ in run_lists:
                    ids, found = hot_module.leaf_postings(leaf, field, term)
                    if isinstance(leaf.schema[field].format, PackedPositions):
                        _, counts, places = leaf_places(leaf, field, term)
                        run.add(field, term, ids, found, counts, places)
                    else:
                        run.add(field, term, ids, found)
            answers.append(run.answer())
        assert store_runs(handed, fields, answers) == len(lists)
    stored = {path.name: path.read_bytes() for path in sorted(handed.iterdir())}
    assert stored == {path.name: path.read_bytes() for path in sorted((tmp_path / "read").iterdir())}
    if weights == "term frequencies":
        assert {"ids.npy", "weights.npy", "positions.npy", "terms.json", "positions.json"} == set(stored)
        assert load_segment(handed).weights.dtype == np.uint16
    else:  # and no list's weights are its numbers of positions: each keeps its positions in Whoosh
        assert (load_segment(handed).weights.dtype, "positions.npy" in stored) == (np.float32, False)
