"""Whoosh's segment writer with two per-posting costs taken out; what it writes is unchanged.

Whoosh sorts the postings of a new segment externally: each posting goes into a
pool, the pool is sorted and written as a run file when it is full, and the
runs are merged when the segment is flushed. ``PostingPool`` pickles a run one
posting per ``pickle.dump`` call and reads it back one ``load`` each - about
half of the writer's time on a cold build. ``ChunkedPool`` writes and reads the
very same runs ``CHUNK`` postings per call: same items, same order, same merge.

At the flush, Whoosh asks the per-document reader for the length of each
posting's document in its field, a column read per posting; ``CachedLengths``
reads each field's lengths once, by the same method, and answers from them.
"""

from __future__ import annotations

import pickle
from itertools import islice

from whoosh.writing import PostingPool

CHUNK = 4_096  # postings per pickle call: a merge of k runs holds k chunks in memory


class ChunkedPool(PostingPool):
    """A ``PostingPool`` whose runs are pickled and read a chunk of postings at a time."""

    def add(self, item):
        # item = (fieldname, term bytes, docnum, weight, value bytes); PostingPool.add's size estimate
        # (28 + 4 * 5 + 21 + 26 + 18 + 16 + 21 = 150 bytes, plus the lengths), without its type checks
        self.fieldnames.add(item[0])
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f, items):
        iterator = iter(items)
        while chunk := list(islice(iterator, CHUNK)):
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


class CachedLengths:
    """A per-document reader whose ``doc_field_length`` reads each field's lengths once."""

    def __init__(self, reader):
        self.reader = reader
        self.lengths: dict[tuple[str, int], list] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0):
        found = self.lengths.get((fieldname, default))
        if found is None:
            found = [self.reader.doc_field_length(n, fieldname, default) for n in range(self.reader.doc_count_all())]
            self.lengths[(fieldname, default)] = found
        return found[docnum]

    def close(self) -> None:
        self.reader.close()

    def __getattr__(self, name):
        return getattr(self.reader, name)


def segment_writer(ix, limitmb: int):
    """``ix.writer`` (separate files, no compound file) with ``ChunkedPool`` and ``CachedLengths``."""
    writer = ix.writer(limitmb=limitmb, compound=False)
    writer.pool = ChunkedPool(writer._tempstorage, writer.newsegment, limitmb=limitmb)
    read_lengths = writer.per_document_reader
    writer.per_document_reader = lambda: CachedLengths(read_lengths())
    return writer
