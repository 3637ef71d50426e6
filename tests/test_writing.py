import random
from itertools import groupby

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import PostingPool

import indexer.builder
from bench.generate import write_corpus
from indexer.builder import build_index
from indexer.writing import TermPool
from search import storage


def _postings(n: int) -> list[tuple]:
    """``n`` postings in random order, one per (field, term, document) as a writer adds them."""
    rng = random.Random(19)
    keys = rng.sample([(field, term, doc) for field in ("content", "title") for term in range(300)
                       for doc in range(100)], n)
    return [(field, f"t{term}".encode(), doc, float(rng.randrange(1, 9)), rng.randbytes(rng.randrange(12)))
            for field, term, doc in keys]


def _pools(tmp_path) -> tuple[PostingPool, TermPool]:
    return tuple(cls(FileStorage(str(tmp_path)).create(), None, limitmb=1) for cls in (PostingPool, TermPool))


def test_the_term_pool_sorts_postings_out_of_order_as_whooshs_own_over_many_runs(tmp_path):
    items = _postings(50_000)
    whoosh, ours = _pools(tmp_path)
    for pool in (whoosh, ours):
        for item in items:
            pool.add(item)
    assert len(ours.runs) >= 3
    assert list(ours.items()) == list(whoosh.items()) == sorted(items)


def test_the_term_pool_keeps_documents_added_in_order_as_whooshs_own_sort_over_many_runs(tmp_path):
    items = sorted(_postings(50_000), key=lambda item: (item[2], item[0]))  # as documents come, field by field
    whoosh, ours = _pools(tmp_path)
    for item in items:
        whoosh.add(item)
    for (docnum, fieldname), group in groupby(items, key=lambda item: (item[2], item[0])):
        ours.add_field(fieldname, docnum, [(term, 1, weight, value) for _, term, _, weight, value in group], 1.0)
    assert len(ours.runs) >= 3 and ours.ordered
    assert list(ours.items()) == list(whoosh.items()) == sorted(items)


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


def _segment_files(root) -> dict[str, bytes]:
    """The bytes of each file of the index's one segment, by its name without the segment's id."""
    generation = storage.current_generation(root)
    ix = whoosh_index.open_dir(str(generation))
    (segment,) = ix._segments()
    prefix = segment.segment_id()
    return {path.name.removeprefix(prefix): path.read_bytes() for path in generation.glob(f"{prefix}*")}


def test_an_index_written_through_the_term_pool_equals_whooshs_own_byte_for_byte(tmp_path, monkeypatch):
    corpus = write_corpus(12, tmp_path / "corpus")
    monkeypatch.setattr(indexer.builder, "WRITER_MB", 1)  # runs written to disk and merged
    build_index(corpus, tmp_path / "ours", jobs=1)
    monkeypatch.setattr(indexer.builder, "segment_writer", lambda ix, mb: ix.writer(limitmb=mb, compound=False))
    build_index(corpus, tmp_path / "whoosh", jobs=1)
    assert _contents(tmp_path / "ours") == _contents(tmp_path / "whoosh")
    ours, whoosh = _segment_files(tmp_path / "ours"), _segment_files(tmp_path / "whoosh")
    assert {".pst", ".trm", "._stored.col"} <= ours.keys()
    assert ours == whoosh
