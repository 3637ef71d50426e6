import random

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import PostingPool

import indexer.builder
from bench.generate import write_corpus
from indexer.builder import build_index
from indexer.writing import ChunkedPool
from search import storage


def _postings(n: int) -> list[tuple]:
    """``n`` postings in random order, one per (field, term, document) as a writer adds them."""
    rng = random.Random(19)
    keys = rng.sample([(field, term, doc) for field in ("content", "title") for term in range(300)
                       for doc in range(100)], n)
    return [(field, f"t{term}".encode(), doc, float(rng.randrange(1, 9)), rng.randbytes(rng.randrange(12)))
            for field, term, doc in keys]


def test_the_chunked_pool_sorts_as_whooshs_own_over_many_runs(tmp_path):
    items = _postings(30_000)
    pools = [cls(FileStorage(str(tmp_path)).create(), None, limitmb=1) for cls in (PostingPool, ChunkedPool)]
    for pool in pools:
        for item in items:
            pool.add(item)
    assert len(pools[1].runs) == len(pools[0].runs) >= 3  # the same size estimate, so the same runs
    assert list(pools[1].items()) == list(pools[0].items()) == sorted(items)


def _contents(root) -> dict:
    """Every term's postings and term statistics, every document's stored fields and field lengths."""
    ix = whoosh_index.open_dir(str(storage.current_generation(root)))
    with ix.reader() as reader:
        terms = {}
        for field, term in reader.all_terms():
            if field == "digest":
                continue
            info = reader.term_info(field, term)
            matcher, postings = reader.postings(field, term), []
            while matcher.is_active():
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            terms[field, term] = (postings, info.weight(), info.doc_frequency(), info.min_length(),
                                  info.max_length(), info.max_weight())
        docs = [({k: v for k, v in reader.stored_fields(n).items() if k != "digest"},
                 [reader.doc_field_length(n, f) for f in reader.schema.scorable_names()])
                for n in reader.all_doc_ids()]
    return {"terms": terms, "docs": docs}


def test_an_index_written_through_the_chunked_pool_equals_whooshs_own(tmp_path, monkeypatch):
    corpus = write_corpus(12, tmp_path / "corpus")
    monkeypatch.setattr(indexer.builder, "WRITER_MB", 1)  # runs written to disk and merged
    build_index(corpus, tmp_path / "ours", jobs=1)
    monkeypatch.setattr(indexer.builder, "segment_writer", lambda ix, mb: ix.writer(limitmb=mb, compound=False))
    build_index(corpus, tmp_path / "whoosh", jobs=1)
    assert _contents(tmp_path / "ours") == _contents(tmp_path / "whoosh")
