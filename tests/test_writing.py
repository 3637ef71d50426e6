import random
from itertools import groupby

import pytest
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import PostingPool

import indexer.builder
import indexer.writing
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
    monkeypatch.setattr(indexer.writing, "SMALL_BLOCK", 0)  # every block compressed, as Whoosh does
    build_index(corpus, tmp_path / "ours", jobs=1)
    monkeypatch.setattr(indexer.builder, "segment_writer", lambda ix, mb, parts: ix.writer(limitmb=mb, compound=False))
    build_index(corpus, tmp_path / "whoosh", jobs=1)
    assert _contents(tmp_path / "ours") == _contents(tmp_path / "whoosh")
    ours, whoosh = _segment_files(tmp_path / "ours"), _segment_files(tmp_path / "whoosh")
    assert {".pst", ".trm", "._stored.col"} <= ours.keys()
    assert ours == whoosh


def _block_compression(root) -> tuple[int, int]:
    """(blocks written as ``SMALL_BLOCK`` says, blocks not) over the terms of one block, and the levels used."""
    ix = whoosh_index.open_dir(str(storage.current_generation(root)))
    right = wrong = 0
    levels = set()
    with ix.reader() as reader:
        for field, term in reader.all_terms():
            matcher = reader.postings(field, term)
            if reader.doc_frequency(field, term) > 128:
                continue
            level, count, value_bytes = matcher._compression, 0, 0
            while matcher.is_active():
                count, value_bytes = count + 1, value_bytes + len(matcher.value() or b"")
                matcher.next()
            expected = 0 if 2 * count + value_bytes < indexer.writing.SMALL_BLOCK else 3
            right, wrong, levels = right + (level == expected), wrong + (level != expected), levels | {level}
    return right, wrong, levels


def test_small_blocks_are_written_uncompressed_and_read_as_whooshs_own(tmp_path, monkeypatch):
    corpus = write_corpus(12, tmp_path / "corpus")
    build_index(corpus, tmp_path / "ours", jobs=1)
    monkeypatch.setattr(indexer.builder, "segment_writer", lambda ix, mb, parts: ix.writer(limitmb=mb, compound=False))
    build_index(corpus, tmp_path / "whoosh", jobs=1)
    assert _contents(tmp_path / "ours") == _contents(tmp_path / "whoosh")  # every posting and term statistic
    right, wrong, levels = _block_compression(tmp_path / "ours")
    assert (wrong, levels) == (0, {0, 3}) and right > 2_000
    ours, whoosh = _segment_files(tmp_path / "ours"), _segment_files(tmp_path / "whoosh")
    assert len(ours[".pst"]) < 0.99 * len(whoosh[".pst"])


@pytest.mark.slow  # builds the same segment twice with forked flushes (5 s)
def test_a_segment_flushed_by_several_processes_equals_one_process_byte_for_byte(tmp_path, monkeypatch):
    corpus = write_corpus(30, tmp_path / "corpus")
    monkeypatch.setattr(indexer.builder, "WRITER_MB", 1)  # several runs, so the key ranges cut through them
    monkeypatch.setattr(indexer.writing, "CHUNK", 256)
    build_index(corpus, tmp_path / "one", jobs=1)
    appended, append = [], indexer.writing._append_part
    monkeypatch.setattr(indexer.writing, "_append_part", lambda *args: appended.append(args) or append(*args))
    for parts in (2, 3):
        appended.clear()
        build_index(corpus, tmp_path / f"parts{parts}", jobs=parts)
        assert len(appended) == parts
        assert _segment_files(tmp_path / f"parts{parts}") == _segment_files(tmp_path / "one")
    assert _contents(tmp_path / "parts3") == _contents(tmp_path / "one")


def test_the_term_pool_splits_its_runs_into_ranges_that_cover_every_term_once(tmp_path, monkeypatch):
    monkeypatch.setattr(indexer.writing, "CHUNK", 256)  # chunks fine enough to cut at about a quarter
    items = sorted(_postings(50_000), key=lambda item: (item[2], item[0]))
    _, ours = _pools(tmp_path)
    for item in items:
        ours.add(item)
    ours.save()
    cuts = ours.split_keys(4)
    assert len(cuts) == 3 and cuts == sorted(set(cuts))
    bounds = [None, *cuts, None]
    ranges = [list(ours.range_terms(low, high)) for low, high in zip(bounds, bounds[1:], strict=False)]
    assert min(sum(len(postings) for *_, postings in part) for part in ranges) > 50_000 / 4 / 2  # about equal
    assert [entry for part in ranges for entry in part] == list(ours.terms())
