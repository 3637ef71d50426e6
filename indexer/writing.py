"""Whoosh's segment writer with its per-posting costs taken out; the segment it writes is unchanged.

Whoosh sorts the postings of a new segment externally: each posting, a tuple (field, term, docnum, weight,
value), goes into a pool; the pool is sorted and written as a run file when it is full, the runs are merged
when the segment is flushed, and the merged stream is written a posting at a time. Documents are added in
docnum order, so a term's postings already come in order: ``TermPool`` files each posting under its field
and term and sorts only the terms (and a term's postings when they came out of order: a Whoosh merge adding
another segment's documents). Its runs hold terms with their postings, pickled a chunk at a time, and are
merged term by term: the same postings in the same order as Whoosh's sort.

``SegmentWriter.add_document`` hands the pool each field's terms at once instead of one call per posting;
the flush writes a term's postings into Whoosh's own block writer a block at a time (its buffers and
statistics set as its per-posting ``add_posting`` would set them), with each field's document lengths read
once. The files are those Whoosh writes, byte for byte (``tests/test_writing.py``), but for one thing: a block
too small for zlib to shorten is written uncompressed, as Whoosh's block format allows (``SMALL_BLOCK``).

With ``parts`` above 1, once the pool has spilled a run (a large segment), the flush is shared by forked
processes (issue 19: at 100,000 bulletins the flush was a 16-minute tail on one core; a pool held in memory
alone is written at once, since spilling it for the parts costs what they save: 3,000 bulletins, 1.03x
wall). The pool spills what it holds as a last run; each run's chunks are indexed by their first term and
their cost to write, so the term space splits into ``parts`` ranges of about equal cost. Each process
merges its range from every run and encodes it into a postings file of its own, offsets from 0, with each
term's entry for the terms table; the parent appends the parts' postings files in order and adds their
entries with the offsets moved by what came before. Whoosh's postings hold no absolute offsets, so the
files are the same bytes as one process writes. At 10,000 bulletins this gains nothing yet (wall 0.99x,
CPU 1.08x against one process): pickling each part's terms table, the last spill and copy-on-write after the
fork cost what the second core saves. At 100,000 it writes the segment in 6.7 minutes of wall (597 CPU s in
two parts) where one process took about 16.
"""

from __future__ import annotations

import bisect
import gc
import heapq
import multiprocessing
import operator
import pickle
import shutil
import zlib
from array import array
from contextlib import contextmanager
from itertools import accumulate, groupby

import numpy as np
from whoosh import writing
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3FieldWriter, W3TermInfo
from whoosh.system import _LONG_SIZE, emptybytes, pack_int, pack_long, pack_ushort, unpack_long
from whoosh.util import random_name
from whoosh.util.numeric import length_to_byte

CHUNK = 4_096  # postings per pickle call in a run: a merge of k runs holds about k chunks in memory
# The pool's memory, which decides when it writes a run (tracemalloc, 1.7 million postings of 150,000 terms:
# 87 bytes a posting in all): a (docnum, weight, value) tuple in its term's list, the weight and value
# shared, and a term's bytes, list and dict entry.
POSTING_BYTES = 75  # besides its value's length
TERM_COST = 20  # a term's writing costs about as much as 20 of its postings (a profile of a flush at 10,000)
TERM_BYTES = 130  # besides its length
# A block whose postings count twice plus its values' bytes fall below this is written uncompressed (its block
# info says so, and Whoosh's reader reads it as is). Whoosh compresses every block (its rule leaving pickles under
# 20 bytes alone is overwritten on the next line of its ``_write_block``), but zlib makes a block of one or two
# postings longer, not shorter: at 1,000 bulletins 149,000 of 185,000 blocks pickle to under 96 bytes and grow by
# 2 bytes each. Below 16 the postings file is 1.7% smaller and zlib runs for 42,000 blocks instead of 185,000.
SMALL_BLOCK = 16


class TermPool(writing.PostingPool):
    """A ``PostingPool`` that keeps each term's postings together: ``fields[name][term]`` lists
    ``(docnum, weight, value)`` in the order they came."""

    def __init__(self, tempstore, segment, limitmb=128, **kwargs):
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        self.fields: dict[str, dict[bytes, list]] = {}
        self.last: dict[str, int] = {}  # the highest docnum added to each field
        self.ordered = True  # every term's postings came in order
        self.chunks: dict[str, list[tuple[tuple[str, bytes], int, int]]] = {}  # run -> (first key, offset, cost)

    def add(self, item):
        """One posting (Whoosh's interface: its merges)."""
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
            self.chunks[path] = self._write_run(f, self._sorted_terms())
            self._add_run(path)
            self.fields = {}
        self.currentsize = 0

    def _write_run(self, f, entries) -> list[tuple[tuple[str, bytes], int, int]]:
        """Pickle ``entries`` a chunk at a time; each chunk's first key, offset and cost to write (its postings
        and ``TERM_COST`` for each of its terms)."""
        chunk, size, index = [], 0, []

        def dump():
            index.append((_term_key(chunk[0]), f.tell(), size + TERM_COST * len(chunk)))
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)

        for entry in entries:
            chunk.append(entry)
            size += len(entry[2])
            if size >= CHUNK:
                dump()
                chunk, size = [], 0
        if chunk:
            dump()
        f.close()
        return index

    def _read_run(self, path, low=None, high=None, remove=True):
        """A run's entries; with ``low`` and ``high``, those of keys from ``low`` up to (without) ``high``."""
        f = self._open_run(path)
        try:
            if low is not None:
                keys = [key for key, _, _ in self.chunks[path]]
                start = max(bisect.bisect_right(keys, low) - 1, 0)
                f.seek(self.chunks[path][start][1] if keys else 0)
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                for entry in chunk:
                    key = _term_key(entry)
                    if low is not None and key < low:
                        continue
                    if high is not None and key >= high:
                        return
                    yield entry
        finally:
            f.close()
            if remove:
                self._remove_run(path)
                self.chunks.pop(path, None)

    def split_keys(self, parts: int) -> list[tuple[str, bytes]]:
        """Up to ``parts - 1`` keys that cut the spilled runs into ranges of about equal cost to write.

        A run's postings below a key are estimated from its chunk index: the chunks that start below it,
        less half of the last of them (the key falls somewhere inside it)."""
        runs = []
        for chunks in self.chunks.values():
            counts = [count for _, _, count in chunks]
            runs.append(([key for key, _, _ in chunks], counts, [0, *accumulate(counts)]))

        def below(key) -> float:
            estimate = 0.0
            for keys, counts, sums in runs:
                started = bisect.bisect_left(keys, key)
                if started:
                    estimate += sums[started] - counts[started - 1] / 2
            return estimate

        candidates = sorted({key for keys, _, _ in runs for key in keys})
        total = sum(sums[-1] for _, _, sums in runs)
        cuts = []
        for part in range(1, parts):
            share = total * part / parts
            at = bisect.bisect_left(candidates, share, key=below)
            if at < len(candidates) and below(candidates[at]) > 0 and (not cuts or candidates[at] > cuts[-1]):
                cuts.append(candidates[at])
        return cuts

    def range_terms(self, low, high):
        """``terms()`` of the spilled runs from key ``low`` up to ``high`` (None: open), runs kept on disk."""
        sources = [self._read_run(path, low, high, remove=False) for path in self.runs]
        if sources:
            yield from self._merged(sources)

    def terms(self):
        """(field, term, postings) sorted by field and term, each term's postings sorted by docnum."""
        sources = [self._read_run(path) for path in self.runs] + [self._sorted_terms()]
        self.runs = []
        yield from self._merged(sources)
        self.fields = {}

    def _merged(self, sources):
        """(field, term, postings) of sorted ``sources`` of such entries, each term's parts joined (sorted by
        docnum when they came out of order)."""
        if len(sources) == 1:  # one source holds each term once: nothing to join
            for fieldname, term, postings in sources[0]:
                yield fieldname, term, postings if self.ordered else sorted(postings)
            return
        for (fieldname, term), group in groupby(heapq.merge(*sources, key=_term_key), key=_term_key):
            parts = [part for _, _, part in group]  # the term's postings in each source that holds it
            postings = parts[0] if len(parts) == 1 else [posting for part in parts for posting in part]
            yield fieldname, term, postings if self.ordered else sorted(postings)

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

    def __init__(self, ix, limitmb: int = 128, parts: int = 1, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = TermPool(self._tempstorage, self.newsegment, limitmb=limitmb)
        self.parts = parts
        self.written = None  # (field names, parts' files) when a compaction wrote the postings
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
        if self.written is not None:  # postings written already in parts (``indexer.compaction``)
            append_parts(self.fieldwriter, self.schema, *self.written, self._tempstorage)
            self.fieldwriter.close()
            return
        lengths = self.per_document_reader() if self.codec.length_stats else None
        if self.parts > 1 and self.pool.runs and type(self.fieldwriter) is W3FieldWriter:
            _write_parts(self, lengths)
        else:
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
        fieldformat, limit = schema[fieldname].format, fieldwriter._postwriter._blocklimit
        table, prefix = fieldwriter._tindex, pack_ushort(fieldwriter._fieldid)
        level = fieldwriter._codec._compression
        for _, term, postings in group:
            postings = _indexed(postings)
            if not postings:
                continue
            if len(postings) <= limit:  # one block: written at once (``write_term``)
                table.add(prefix + term, write_term(fieldwriter._postfile, fieldformat, postings, field_lengths,
                                                    level))
                continue
            fieldwriter.start_term(term)
            _add_blocks(fieldwriter._postwriter, postings, field_lengths)
            fieldwriter.finish_term()
        fieldwriter.finish_field()


def _indexed(postings: list) -> list:
    """A term's postings without Whoosh's spelling entries (document -1, no posting), which sort first."""
    return [posting for posting in postings if posting[0] != -1] if postings and postings[0][0] == -1 else postings


_TERM_STATISTICS = W3TermInfo._struct  # inlined?, total weight, documents, shortest and longest (as bytes),
# heaviest weight, first and last document


def write_term(postfile, fieldformat, postings: list, field_lengths, level: int) -> bytes:
    """A term whose postings fit one block, written to ``postfile`` as Whoosh's postings writer writes it (a
    block header, the block's statistics and its pickled ids, weights and values, compressed at ``level`` unless
    small: ``SMALL_BLOCK``) in one call instead of its calls per term and per block; its terms-table entry, as
    ``W3TermInfo.to_bytes`` makes it.

    At 1,000 bulletins 177,000 of 179,000 terms are of one block (most of them syllable pairs found once), and
    Whoosh's start-term, block and finish-term calls were most of the commit (``tests/test_writing.py`` checks
    the bytes against Whoosh's own)."""
    docnums, weights, values = zip(*postings, strict=True)
    weights = array("f", weights)  # Whoosh keeps 32-bit weights
    values = [value for value in values if value]
    counted = [length for length in map(field_lengths.__getitem__, docnums) if length]
    shortest, longest = (length_to_byte(min(counted)), length_to_byte(max(counted))) if counted else (0, 0)
    heaviest = max(weights)
    heaviest = heaviest if heaviest > 0 else 0
    gaps = tuple(map(operator.sub, docnums, (0, *docnums[:-1])))  # each id less the one before it
    data = pickle.dumps((gaps, _weights_kept(weights), _values_kept(fieldformat, values)), 2)
    compression = _block_compression(len(docnums), values, level)
    if compression:
        data = zlib.compress(data, compression)
    info = pickle.dumps((len(docnums), docnums[-1], heaviest, compression, shortest, longest), 2)
    start = postfile.tell()
    block = WHOOSH3_HEADER_MAGIC + pack_int(-(len(info) + len(data))) + info + data  # negative: the last block
    postfile.write(block)
    return _TERM_STATISTICS.pack(False, sum(weights), len(docnums), shortest, longest, heaviest, docnums[0],
                                 docnums[-1]) + pack_long(start) + pack_int(len(block))


def _block_compression(postings: int, values: list, level: int) -> int:
    """The zlib level of a block of ``postings`` with these non-empty ``values``: 0 below ``SMALL_BLOCK``."""
    return 0 if 2 * postings + sum(map(len, values)) < SMALL_BLOCK else level


def _values_kept(fieldformat, values: list):
    """A block's values as Whoosh keeps them: all of them, none (a format without values), or joined (of one
    size)."""
    size = fieldformat.fixed_value_size()
    if size is None or size < 0:
        return tuple(values)
    return emptybytes.join(values) if size else None


def _weights_kept(weights: array):
    """A block's weights as Whoosh keeps them: None when all are 1, one of them when all are equal."""
    if all(weight == 1.0 for weight in weights):
        return None
    return weights[0] if all(weight == weights[0] for weight in weights) else tuple(weights)


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
        counted = [length for length in (field_lengths[docnum] for docnum in docnums) if length]
        _set_block(postwriter, array("I", docnums), array("f", weights), values, counted)


def add_block_arrays(postwriter, ids: np.ndarray, weights: np.ndarray, values, field_lengths) -> None:
    """``_add_blocks`` of a term's postings given as arrays (document numbers, float32 weights) and a list of
    values; ``field_lengths`` an array by document number, or None for a field without lengths."""
    limit = postwriter._blocklimit
    for start in range(0, len(ids), limit):
        if start:
            postwriter._write_block()
        block, block_weights = array("I"), array("f")
        block.frombytes(ids[start:start + limit].astype(np.uint32).tobytes())
        block_weights.frombytes(weights[start:start + limit].astype(np.float32).tobytes())
        lengths = field_lengths[ids[start:start + limit]] if field_lengths is not None else ()
        _set_block(postwriter, block, block_weights, values[start:start + limit],
                   lengths[lengths > 0].tolist() if len(lengths) else [])


def _set_block(postwriter, ids: array, weights: array, values, counted: list) -> None:
    """A block's buffers and statistics (``counted``: the non-zero field lengths of its documents), and whether
    it is compressed (``SMALL_BLOCK``)."""
    postwriter._ids = ids
    postwriter._weights = weights
    postwriter._values = [value for value in values if value]
    level = postwriter.__dict__.setdefault("_level", postwriter._compression)  # the codec's, kept once
    postwriter._compression = _block_compression(len(ids), postwriter._values, level)
    heaviest = max(weights)
    postwriter._maxweight = heaviest if heaviest > 0 else 0
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


_PART = None  # what the forked part processes read: (writer, field ids, field lengths, key ranges)
_INFO = W3TermInfo._struct.size  # a terms-table entry's statistics; then an offset, unless inlined


def _write_parts(writer: SegmentWriter, lengths) -> None:
    """The flush shared by ``writer.parts`` forked processes (module docstring): the same files."""
    global _PART
    pool = writer.pool
    pool.save()  # every posting in a run on disk: the parts read runs, not this process's memory
    names = sorted(pool.fieldnames)
    lengths_of = {name: _field_lengths(lengths, name, writer.docnum) for name in names}
    bounds = [None, *pool.split_keys(writer.parts), None]
    ranges = list(zip(bounds, bounds[1:], strict=False))
    _PART = (writer, {name: n for n, name in enumerate(names)}, lengths_of, ranges)
    try:
        with multiprocessing.get_context("fork").Pool(min(writer.parts, len(ranges))) as processes:
            parts = processes.imap(_write_part, range(len(ranges)))  # appended as each is done
            append_parts(writer.fieldwriter, writer.schema, names, parts, writer._tempstorage)
    finally:
        _PART = None
        for path in list(pool.runs):
            pool._remove_run(path)
        pool.runs, pool.chunks = [], {}


def _write_part(number: int) -> tuple[str, str]:
    """A forked process: one key range's postings into files of its own; their names in the temp store."""
    writer, field_ids, lengths_of, ranges = _PART
    low, high = ranges[number]
    with PartWriter(writer, number) as part:
        for fieldname, group in groupby(writer.pool.range_terms(low, high), key=lambda entry: entry[0]):
            fieldformat, field_lengths = writer.schema[fieldname].format, lengths_of[fieldname]
            part.start_field(field_ids[fieldname])
            limit = part.postwriter._blocklimit
            for _, term, postings in group:
                postings = _indexed(postings)
                if not postings:
                    continue
                if len(postings) <= limit:
                    part.add_entry(term, write_term(part._postfile, fieldformat, postings, field_lengths,
                                                    part.codec._compression))
                    continue
                _add_blocks(part.start_term(fieldformat), postings, field_lengths)
                part.finish_term(term)
    return part.postings, part.entries


class PartWriter:
    """A range of terms' postings written into a postings file of its own (offsets from 0) and their
    terms-table entries (pickled a chunk at a time) in the writer's temp store; ``append_parts`` adds them to
    the segment. ``start_field`` takes the field's number in the segment's terms table."""

    def __init__(self, writer, number: int):
        self.store, self.codec = writer._tempstorage, writer.codec
        name = f"{random_name()}.part{number}"
        self.postings, self.entries = name + ".pst", name + ".entries"

    def __enter__(self):
        self._postfile = self.store.create_file(self.postings)
        self._entries = self.store.create_file(self.entries).raw_file()
        self._chunk: list[tuple[bytes, bytes]] = []
        return self

    def start_field(self, number: int) -> None:
        self.postwriter, self.prefix = self.codec.postings_writer(self._postfile), pack_ushort(number)

    def start_term(self, fieldformat):
        """The postings writer, started on a term."""
        self.postwriter.start_postings(fieldformat, W3TermInfo())
        return self.postwriter

    def finish_term(self, term: bytes) -> None:
        self.add_entry(term, self.postwriter.finish_postings().to_bytes())

    def add_term(self, term: bytes, fieldformat, ids, weights, values, field_lengths) -> None:
        """A term's postings given as arrays (``add_block_arrays``)."""
        add_block_arrays(self.start_term(fieldformat), ids, weights, values, field_lengths)
        self.finish_term(term)

    def copy_term(self, term: bytes, value: bytes, postings: bytes) -> None:
        """A term whose postings are another segment's as they are: its bytes and its entry, moved."""
        offset = self._postfile.tell()
        self._postfile.write(postings)
        self.add_entry(term, moved(value, offset))

    def add_entry(self, term: bytes, value: bytes) -> None:
        self._chunk.append((self.prefix + term, value))
        if len(self._chunk) >= CHUNK:
            self._dump()

    def _dump(self) -> None:
        pickle.dump(self._chunk, self._entries, pickle.HIGHEST_PROTOCOL)
        self._chunk = []

    def __exit__(self, *_):
        try:
            if self._chunk:
                self._dump()
        finally:
            self._entries.close()
            self._postfile.close()


def append_parts(fieldwriter, schema, names: list[str], parts, store) -> None:
    """The parts' files (``PartWriter``: (postings, entries) names, in key order) added to a segment whose
    fields are ``names``, numbered in that order in its terms table."""
    for name in names:  # the terms table's field ids, in the order one process gives them
        fieldwriter.start_field(name, schema[name])
        fieldwriter.finish_field()
    for postings, entries in parts:
        _append_part(fieldwriter, postings, entries, store)


def _append_part(fieldwriter, postings: str, entries: str, store) -> None:
    """A part's postings after those already written, its terms-table entries with their offsets moved."""
    target = fieldwriter._postfile
    base = target.tell()
    with store.open_file(postings).raw_file() as source:
        shutil.copyfileobj(source, target.raw_file(), 1 << 20)
    store.delete_file(postings)
    table = fieldwriter._tindex
    with store.open_file(entries).raw_file() as source:
        while True:
            try:
                chunk = pickle.load(source)
            except EOFError:
                break
            for key, value in chunk:
                if base and not value[0]:  # not inlined: an offset into the postings file follows
                    value = moved(value, unpack_long(value[_INFO:_INFO + _LONG_SIZE])[0] + base)
                table.add(key, value)
    store.delete_file(entries)


def moved(value: bytes, offset: int) -> bytes:
    """A terms-table entry (not inlined) whose postings start at ``offset``."""
    return value[:_INFO] + pack_long(offset) + value[_INFO + _LONG_SIZE:]


def segment_writer(ix, limitmb: int, parts: int = 1):
    """A ``SegmentWriter`` of ``ix`` writing separate files (no compound file); ``parts`` processes flush it."""
    return SegmentWriter(ix, limitmb=limitmb, parts=parts, compound=False)
