"""Whoosh's segment writer with its per-posting costs taken out; the segment it writes is unchanged.

Whoosh sorts the postings of a new segment externally: each posting, a tuple (field, term, docnum, weight,
value), goes into a pool; the pool is sorted and written as a run file when it is full, the runs are merged
when the segment is flushed, and the merged stream is written a posting at a time. Documents are added in
docnum order, so a term's postings already come in order: ``TermPool`` files each posting under its field
and term and sorts only the terms (and a term's postings when they came out of order: a compaction or a
Whoosh merge adding another segment's documents). Its runs hold terms with their postings, pickled a chunk
at a time, and are merged term by term: the same postings in the same order as Whoosh's sort.

``SegmentWriter.add_document`` hands the pool each field's terms at once instead of one call per posting;
the flush writes a term's postings into Whoosh's own block writer a block at a time (its buffers and
statistics set as its per-posting ``add_posting`` would set them), with each field's document lengths read
once. The files are those Whoosh writes, byte for byte (``tests/test_writing.py``).
"""

from __future__ import annotations

import gc
import heapq
import pickle
from array import array
from contextlib import contextmanager
from itertools import groupby

from whoosh import writing
from whoosh.system import emptybytes

CHUNK = 4_096  # postings per pickle call in a run: a merge of k runs holds about k chunks in memory
# The pool's memory, which decides when it writes a run (tracemalloc, 1.7 million postings of 150,000 terms:
# 87 bytes a posting in all): a (docnum, weight, value) tuple in its term's list, the weight and value
# shared, and a term's bytes, list and dict entry.
POSTING_BYTES = 75  # besides its value's length
TERM_BYTES = 130  # besides its length


class TermPool(writing.PostingPool):
    """A ``PostingPool`` that keeps each term's postings together: ``fields[name][term]`` lists
    ``(docnum, weight, value)`` in the order they came."""

    def __init__(self, tempstore, segment, limitmb=128, **kwargs):
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        self.fields: dict[str, dict[bytes, list]] = {}
        self.last: dict[str, int] = {}  # the highest docnum added to each field
        self.ordered = True  # every term's postings came in order

    def add(self, item):
        """One posting (Whoosh's interface: its merges, our compaction)."""
        fieldname, term, docnum, weight, value = item
        if docnum <= self.last.get(fieldname, -1):
            self.ordered = False  # perhaps before a posting of its term: the terms' postings are sorted
        else:
            self.last[fieldname] = docnum
        self._postings(fieldname, term).append((docnum, weight, value))
        self._grow(POSTING_BYTES + len(value or emptybytes))

    def add_field(self, fieldname: str, docnum: int, items, boost: float) -> int:
        """One document's field: ``field.index``'s ``(term, frequency, weight, value)``, each term once; the sum
        of the frequencies. Each weight is multiplied by ``boost`` as Whoosh's ``add_document`` does; a float
        times 1.0 is that float, so then the field's own weight object (shared: ``search.schema``) is kept."""
        if docnum <= self.last.get(fieldname, -1):
            return self._add_each(fieldname, docnum, items, boost)
        self.last[fieldname] = docnum
        terms, size, length = self._terms(fieldname), 0, 0
        scaled = boost != 1.0
        for term, frequency, weight, value in items:
            if scaled or type(weight) is not float:
                weight *= boost
            postings = terms.get(term)
            if postings is None:
                postings = terms[term] = []
                size += TERM_BYTES + len(term)
            postings.append((docnum, weight, value))
            size += POSTING_BYTES + len(value or emptybytes)
            length += frequency
        self._grow(size)
        return length

    def _add_each(self, fieldname: str, docnum: int, items, boost: float) -> int:
        length = 0
        for term, frequency, weight, value in items:
            self.add((fieldname, term, docnum, weight * boost, value))
            length += frequency
        return length

    def _terms(self, fieldname: str) -> dict[bytes, list]:
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def _postings(self, fieldname: str, term: bytes) -> list:
        terms = self._terms(fieldname)
        postings = terms.get(term)
        if postings is None:
            postings = terms[term] = []
            self.currentsize += TERM_BYTES + len(term)
        return postings

    def _grow(self, size: int) -> None:
        self.currentsize += size
        if self.currentsize > self.limit:
            self.save()

    def _sorted_terms(self):
        """(field, term, postings) of what is in memory, sorted by field and term."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for term in sorted(terms):
                yield fieldname, term, terms[term]

    def save(self):
        if self.fields:
            path, f = self._new_run()
            self._write_run(f, self._sorted_terms())
            self._add_run(path)
            self.fields = {}
        self.currentsize = 0

    def _write_run(self, f, entries):
        chunk, size = [], 0
        for entry in entries:
            chunk.append(entry)
            size += len(entry[2])
            if size >= CHUNK:
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
                chunk, size = [], 0
        if chunk:
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

    def terms(self):
        """(field, term, postings) sorted by field and term, each term's postings sorted by docnum."""
        sources = [self._read_run(path) for path in self.runs] + [self._sorted_terms()]
        self.runs = []
        merged = heapq.merge(*sources, key=_term_key) if len(sources) > 1 else sources[0]
        for (fieldname, term), group in groupby(merged, key=_term_key):
            postings = [posting for _, _, part in group for posting in part]
            yield fieldname, term, postings if self.ordered else sorted(postings)
        self.fields = {}

    def items(self, maxfiles=128):
        """Whoosh's interface: every posting as ``(field, term, docnum, weight, value)``, sorted."""
        for fieldname, term, postings in self.terms():
            for docnum, weight, value in postings:
                yield fieldname, term, docnum, weight, value


def _term_key(entry) -> tuple[str, bytes]:
    return entry[0], entry[1]


class SegmentWriter(writing.SegmentWriter):
    """Whoosh's ``SegmentWriter`` with a ``TermPool``, fields added term list by term list and postings
    flushed a block at a time. Schemas with spelling or term vectors take Whoosh's own ``add_document``."""

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = TermPool(self._tempstorage, self.newsegment, limitmb=limitmb)
        self.plain = not any(field.separate_spelling() or field.vector for _, field in self.schema.items())

    def add_document(self, **fields):
        if not self.plain:
            return super().add_document(**fields)
        self._check_state()
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]
            length = self._index_field(fieldname, field, value, self._field_boost(fields, fieldname, docboost))
            customval = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            if field.column_type and customval is not None:
                perdocwriter.add_column_value(fieldname, field.column_type, field.to_column_value(customval))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _index_field(self, fieldname: str, field, value, fieldboost: float) -> int:
        """Pool a field's postings as Whoosh's ``add_document`` does; the field's length (0 unless scorable)."""
        if not field.indexed:
            return 0
        length = self.pool.add_field(fieldname, self.docnum, field.index(value), fieldboost)
        return length if field.scorable else 0

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        write_postings(self.fieldwriter, self.schema, lengths, self.docnum, self.pool.terms())
        self.fieldwriter.close()
        if lengths:
            lengths.close()


def write_postings(fieldwriter, schema, lengths, doc_count: int, terms) -> None:
    """What Whoosh's ``FieldWriter.add_postings`` writes, from ``(field, term, postings)`` in order:
    each term's postings a block at a time, each field's lengths read once."""
    for fieldname, group in groupby(terms, key=lambda entry: entry[0]):
        fieldwriter.start_field(fieldname, schema[fieldname])
        field_lengths = _field_lengths(lengths, fieldname, doc_count)
        for _, term, postings in group:
            postings = [posting for posting in postings if posting[0] != -1]  # Whoosh: spelling, no postings
            if postings:
                fieldwriter.start_term(term)
                _add_blocks(fieldwriter._postwriter, postings, field_lengths)
                fieldwriter.finish_term()
        fieldwriter.finish_field()


def _field_lengths(lengths, fieldname: str, doc_count: int) -> list[int]:
    """A field's length by docnum, as Whoosh's flush asks the per-document reader for it."""
    if lengths is None:
        return [0] * doc_count
    return [lengths.doc_field_length(docnum, fieldname) for docnum in range(doc_count)]


def _add_blocks(postwriter, postings: list, field_lengths) -> None:
    """A term's postings into Whoosh's ``W3PostingsWriter``, a block at a time: its buffers and statistics
    as ``add_posting`` sets them posting by posting (it writes a full block when the next posting comes)."""
    limit = postwriter._blocklimit
    for start in range(0, len(postings), limit):
        if start:
            postwriter._write_block()
        docnums, weights, values = zip(*postings[start:start + limit], strict=True)
        postwriter._ids = array("I", docnums)
        postwriter._weights = array("f", weights)
        postwriter._values = [value for value in values if value]
        heaviest = max(weights)
        postwriter._maxweight = heaviest if heaviest > 0 else 0
        counted = [length for length in (field_lengths[docnum] for docnum in docnums) if length]
        postwriter._minlength = min(counted) if counted else None
        postwriter._maxlength = max(counted) if counted else 0


@contextmanager
def without_cycle_collection():
    """The cyclic garbage collector off for the block: a writer's pool holds millions of tuples and lists
    that make no cycles, and each of the collector's full passes would scan them all again in vain
    (5.7 of 46 CPU seconds of a cold build of 1,000 bulletins)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def segment_writer(ix, limitmb: int):
    """A ``SegmentWriter`` of ``ix`` writing separate files (no compound file)."""
    return SegmentWriter(ix, limitmb=limitmb, compound=False)
