"""The did-you-mean vocabulary stored by the indexer: memory-mapped, and the same as one built when serving."""

from __future__ import annotations

import numpy as np

from search.engine import SearchEngine
from search.suggest import SortedMap, Vocabulary, for_searcher, load_vocabulary, save_vocabulary

TYPED = ["mot cua lien thong", "cai cach hanh chinh", "thu tuc", "Cai Cach", "UBND tinh", "khongcotu nay",
         "dịch vụ công", "chi so par index"]


def test_a_sorted_map_answers_as_the_dict_it_was_made_from(tmp_path):
    mapping = {"cai": "cải", "cai_cach": "cải_cách", "a": "á", "zz": "", "đ": "đ", "mot cua": "một cửa"}
    arrays = SortedMap.arrays(mapping)
    found = SortedMap(*(arrays[p] for p in ("keys", "key_ends", "values", "value_ends")))
    assert len(found) == len(mapping)
    assert {key: found.get(key) for key in mapping} == mapping
    assert [found.get(k) for k in ("", "b", "cai_", "ca", "zzz", "mot")] == [None] * 6
    empty = SortedMap.arrays({})
    assert SortedMap(*(empty[p] for p in ("keys", "key_ends", "values", "value_ends"))).get("cai", "x") == "x"


def test_the_stored_vocabulary_is_the_one_built_when_serving(sample_index, tmp_path):
    engine = SearchEngine(sample_index, cache_size=0)
    state = engine._current()
    stored = state.arrays.vocabulary
    assert isinstance(stored.best, SortedMap) and isinstance(stored.best._keys.base, np.memmap)
    built = for_searcher(state.searcher, state.table.live)
    assert len(built.best) > 100 and len(built.pairs) > 100
    assert {k: stored.best.get(k) for k in built.best} == built.best
    assert {k: stored.pairs.get(k) for k in built.pairs} == built.pairs
    assert (len(stored.best), len(stored.pairs)) == (len(built.best), len(built.pairs))
    save_vocabulary(tmp_path, built)
    again = load_vocabulary(tmp_path)
    assert [again.suggest(t) for t in TYPED] == [built.suggest(t) for t in TYPED] == [
        stored.suggest(t) for t in TYPED] == [engine.suggest(t) for t in TYPED]
    assert engine.suggest("mot cua lien thong") == "một cửa liên thông"
    assert state.vocabulary is None  # nothing was built in this process


def test_an_index_without_a_stored_vocabulary_builds_one_on_first_use(sample_index):
    engine = SearchEngine(sample_index, cache_size=0)
    state = engine._current()
    state.arrays.vocabulary = None  # as for arrays computed from the reader (an older index)
    assert engine.suggest("mot cua lien thong") == "một cửa liên thông"
    assert isinstance(state.vocabulary, Vocabulary) and isinstance(state.vocabulary.best, dict)
