"""Compaction: after a reusing rebuild the index is exactly what a build from scratch gives."""

import random

import pytest
from whoosh import index as whoosh_index

from bench.generate import generate, write_corpus
from indexer.builder import build_index
from indexer.compaction import compact, live_ids, needs_compaction
from search import storage
from search.engine import SearchEngine
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
    response = SearchEngine(root).run_search(make_request(query, per_page=100))
    return response.total, [(hit.id, round(hit.score, 9) if hit.score is not None else None)
                            for hit in response.results]


def _edit(corpus, share=0.2, removed=8, seed=5):
    """Rewrite ``share`` of the bulletins with other generated texts and remove ``removed`` others."""
    files = sorted(corpus.glob("*.txt"))
    chosen = random.Random(seed).sample(files, int(len(files) * share) + removed)
    for path, text in zip(chosen, generate(len(chosen), seed=seed), strict=True):
        path.write_text(text, encoding="utf-8")
    for path in chosen[-removed:]:
        path.unlink()
    return len(chosen) - removed, removed


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """150 generated bulletins indexed; 20% changed and 8 removed; an incremental run, a reusing
    ``--full`` and a ``--scratch`` build of the edited corpus: (incremental statistics, reused, scratch)."""
    base = tmp_path_factory.mktemp("rebuilt")
    corpus, reused, scratch = write_corpus(150, base / "corpus"), base / "reused", base / "scratch"
    build_index(corpus, reused, jobs=2)
    changed, removed = _edit(corpus)
    incremental = build_index(corpus, reused, jobs=2)
    assert (len(incremental.updated), len(incremental.removed)) == (changed, removed)
    after_incremental = _statistics(reused)
    full = build_index(corpus, reused, full=True, jobs=2)
    assert (full.updated, full.removed, full.unchanged) == ([], [], 142)
    build_index(corpus, scratch, scratch=True, jobs=2)
    return after_incremental, reused, scratch


def test_an_incremental_run_leaves_deleted_documents_counted(rebuilt):
    after_incremental, _, scratch = rebuilt
    # the 30 rewritten and 8 removed bulletins still count in N, document frequencies and field lengths
    assert (after_incremental["documents"], after_incremental["counted"]) == (142, 180)
    assert _statistics(scratch)["counted"] == 142


def test_a_reusing_full_rebuild_has_the_statistics_of_a_scratch_build(rebuilt):
    _, reused, scratch = rebuilt
    assert _statistics(reused) == _statistics(scratch)
    assert _statistics(scratch)["documents"] == 142


@pytest.mark.parametrize("query", QUERIES)
def test_a_reusing_full_rebuild_ranks_and_scores_as_a_scratch_build(rebuilt, query):
    _, reused, scratch = rebuilt
    total, ranking = _ranking(scratch, query)
    assert total > 0
    assert _ranking(reused, query) == (total, ranking)


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
