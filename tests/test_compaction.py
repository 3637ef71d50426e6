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
