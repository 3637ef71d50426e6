"""Per-document arrays: written by the indexer, memory-mapped when serving, equal to what the reader gives."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from search import storage
from search.arrays import compute, ensure_arrays, field_lengths, folder_for, load_arrays, scored_fields
from search.engine import SearchEngine
from search.index_state import latest_toc
from search.models import make_request
from tests.helpers import changed_index as build_changed_index

pytestmark = pytest.mark.slow  # builds and changes a generated corpus through pyvi; CI runs it


@pytest.fixture(scope="module")
def changed_index(tmp_path_factory):
    """120 generated bulletins, then an incremental run: several segments, deleted documents."""
    return build_changed_index(tmp_path_factory.mktemp("arrays"), 120, every=9, removed=slice(2, None, 40))


def _same(mapped, computed) -> None:
    left, right = mapped.table, computed.table
    assert (left.size, left.values, sorted(left.codes), sorted(left.members)) == (
        right.size, right.values, sorted(right.codes), sorted(right.members))
    assert np.array_equal(left.live, right.live) and np.array_equal(left.sortdate, right.sortdate)
    assert all(np.array_equal(left.codes[n], right.codes[n]) for n in right.codes)
    assert all(np.array_equal(np.array(left.members[n]).reshape(-1, left.size),
                              np.array(right.members[n]).reshape(-1, right.size)) for n in right.members)
    assert sorted(mapped.lengths) == sorted(computed.lengths)
    assert all(np.array_equal(mapped.lengths[f], computed.lengths[f]) for f in computed.lengths)


def test_the_indexer_writes_the_arrays_of_its_last_commit_only(changed_index):
    generation = storage.current_generation(changed_index)
    toc = latest_toc(generation)
    assert [p.name for p in generation.glob("arrays-*")] == [f"arrays-{toc}"]
    ix = storage.open_current(changed_index)
    with ix.reader() as reader:
        assert reader.doc_count_all() > reader.doc_count()  # deletions are in the live mask
        mapped = load_arrays(generation, toc, reader, ix.schema)
        assert mapped is not None and mapped.mapped
        assert not mapped.table.live.flags.writeable  # read-only maps, shared by the operating system
        assert isinstance(mapped.table.live.base, np.memmap)
        _same(mapped, compute(reader, ix.schema))


def test_field_lengths_are_whooshs_one_document_at_a_time(changed_index):
    ix = storage.open_current(changed_index)
    with ix.reader() as reader:
        for field in scored_fields(ix.schema):
            expected = [reader.doc_field_length(n, field, 1) or 1 for n in range(reader.doc_count_all())]
            assert field_lengths(reader, field).tolist() == [float(x) for x in expected], field


def test_stale_or_missing_arrays_are_computed_and_give_the_same_answers(changed_index, tmp_path):
    copy = tmp_path / "index"
    shutil.copytree(changed_index, copy, symlinks=True)
    generation = storage.current_generation(copy)
    toc = latest_toc(generation)
    request = make_request("một cửa liên thông", per_page=50)
    served = SearchEngine(copy, cache_size=0)
    assert served._current().arrays.mapped
    expected = served.run_search(request).to_dict()
    manifest = folder_for(generation, toc) / "manifest.json"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()), "documents": 1}))  # not this commit
    stale = SearchEngine(copy, cache_size=0)
    assert not stale._current().arrays.mapped
    assert stale.run_search(request).to_dict() == expected
    shutil.rmtree(folder_for(generation, toc))
    missing = SearchEngine(copy, cache_size=0)
    assert not missing._current().arrays.mapped
    assert missing.run_search(request).to_dict() == expected
    ensure_arrays(generation, storage.open_current(copy))  # what the next indexer run does
    assert SearchEngine(copy)._current().arrays.mapped
