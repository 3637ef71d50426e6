"""Stage 5: a generation's segments rewritten as one, in corpus order, without deleted documents.

Whoosh deletes a document by marking it; the document stays in its segment,
and until that segment is merged it still counts in the statistics BM25 reads:
the number of documents, the document frequencies and the average field
lengths. Documents rewritten by a reusing build also sit after the others,
so tied scores (ordered by document number) come out in another order. After
such a build the index is what a build from scratch would give only once it is
compacted: ``compact`` rewrites every segment into one whose documents follow
the corpus order, copying stored fields, columns and postings (no text is
analysed again) and taking each field's length total from the postings
themselves, exactly as ``add_document`` counts it (Whoosh's own merge would sum
the one-byte approximations and shift the average field lengths).

Whoosh's own merge is the third way an index drifts from a build from scratch:
when a commit merges small segments (``MERGE_SMALL``, from the fifth segment
on) it copies their documents with the one-byte approximation of each field
length, and the merged segment's length totals - the average field lengths
BM25 divides by - become sums of approximations. Segments written by
``add_document`` or by ``compact`` have exact totals; the builder records
which segments those are (``exact_after``).

How the new segment is written (issue 19: compaction was 38% of a cold build at 100,000 bulletins, most of it one
process pooling every posting). Stored fields, columns and each document's length byte are copied in the new order.
The old segments' terms are sorted already, so no pool is needed: ``parts`` processes each take a range of terms
(cut where the largest segment's postings bytes are shared evenly), merge that range from every segment, renumber,
drop deleted documents and write it with Whoosh's block writer (``indexer.writing``'s ``PartWriter``; the flush
appends the ranges in order). A term found in one segment only whose own documents all keep their numbers is copied
as bytes (read from its entry when no document from its first to its last moved or was deleted, else from its
blocks' ids): after edits and additions at the end, that is most terms. Each range sums its postings' frequencies,
so the new segment's length totals are exact, as ``add_document`` counts them. The files are those the pool gave,
byte for byte. The long lists met on the way are the new segment's hot postings (``search.hot.HotRun``), written
into its hot folder before the commit, so the build does not read them from Whoosh again.

``needs_compaction`` tells whether a generation differs from that layout: an
index with no deletions, whose documents already follow the corpus order and
whose segments all have exact totals, has the statistics of a build from
scratch (several segments sum to the same totals) and is left alone.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Collection, Sequence
from itertools import groupby, pairwise
from pathlib import Path

import numpy as np
from whoosh import columns, formats
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.reading import SegmentReader
from whoosh.system import _INT_SIZE, _LONG_SIZE, unpack_int, unpack_long

from search.arrays import scored_fields
from search.forked import run_forked
from search.hot import HOT, HotRun, block_ids, store_runs
from search.schema import PackedPositions

from .writing import PartWriter, segment_writer, without_cycle_collection


def live_ids(reader) -> list[str]:
    """The ids of a reader's live documents, in document-number order."""
    ids = reader.column_reader("id")
    return [ids[n] for n in reader.all_doc_ids()]


def segment_ids(ix) -> set[str]:
    """The ids of the segments of the index's latest commit."""
    return {segment.segment_id() for segment in ix._segments()}


def exact_after(exact: Collection[str], before: Collection[str], after: Collection[str]) -> set[str]:
    """The segments with exact length totals after a commit that turned segments ``before`` into ``after``.

    Those that were exact and remain, and the segment the commit wrote, unless the commit merged older
    segments into it (Whoosh's merge copies their lengths as one-byte approximations).

    >>> sorted(exact_after({"a"}, {"a"}, {"a", "b"})), sorted(exact_after({"a", "b", "c"}, {"a", "b", "c"}, {"a", "d"}))
    (['a', 'b'], ['a'])
    """
    merged, written = set(before) - set(after), set(after) - set(before)
    return (set(exact) & set(after)) | (set() if merged else written)


def needs_compaction(ix, order: Sequence[str], exact: Collection[str] | None = None) -> bool:
    """Whether the index holds deleted documents, documents out of ``order`` (ids in corpus order) or,
    when ``exact`` (the segments with exact length totals) is given, a segment not in it."""
    if exact is not None and not segment_ids(ix) <= set(exact):
        return True
    with ix.reader() as reader:
        if reader.has_deletions():
            return True
        if not reader.doc_count_all():  # an empty index (every file skipped) has no id column to read
            return False
        ids = live_ids(reader)
    rank = _ranks(order)
    return ids != sorted(ids, key=lambda doc_id: rank.get(doc_id, len(rank)))


def _ranks(order: Sequence[str]) -> dict[str, int]:
    return {doc_id: n for n, doc_id in enumerate(order)}


def compact(ix, order: Sequence[str], limitmb: int = 256, parts: int = 1) -> None:
    """Rewrite every segment of ``ix`` into one without deletions, documents in ``order`` of their ids.

    Documents whose id is not in ``order`` follow the others in their present order; ``parts`` processes
    write the new segment's postings, each a range of terms (``_write_postings``).
    """
    writer = segment_writer(ix, limitmb, parts=parts)
    with without_cycle_collection():
        try:
            writer.commit(mergetype=lambda w, segments: _rewrite(w, segments, order))
        except BaseException:
            writer.cancel()
            raise


def _rewrite(writer, segments, order: Sequence[str]) -> list:
    """Whoosh merge policy: every segment into the writer's new one, reordered; no segment kept.

    The new segment's postings are written here, before its flush (which appends them, ``indexer.writing``):
    its length totals are the exact ones the postings sum to."""
    readers = [SegmentReader(writer.storage, writer.schema, segment) for segment in segments]
    try:
        places = _placement(readers, order, writer.docnum)
        lengths = _stored_lengths(writer.schema, readers, places, writer.docnum)
        names = _indexed_names(writer.schema, readers)
        written, totals = _write_postings(writer, segments, readers, places, lengths, names,
                                          meanwhile=lambda: _add_documents(writer, readers, places, lengths))
    finally:
        for reader in readers:
            reader.close()
    writer.perdocwriter._fieldlengths = defaultdict(int, {name: n for name, n in totals.items() if n})
    writer.written = (names, written)
    return []


def _placement(readers, order: Sequence[str], start: int) -> list[dict[int, int]]:
    """For each reader, its live document numbers mapped to their new numbers."""
    rank = _ranks(order)
    live = [(rank.get(doc_id, len(rank)), r, docnum)
            for r, reader in enumerate(readers)
            for docnum, doc_id in zip(reader.all_doc_ids(), live_ids(reader), strict=True)]
    places: list[dict[int, int]] = [{} for _ in readers]
    for new, (_, r, docnum) in enumerate(sorted(live), start):
        places[r][docnum] = new
    return places


def _stored_lengths(schema, readers, places, start: int) -> dict[str, np.ndarray]:
    """Each scored field's length of every new document as the index stores it (one byte, as a length): the
    old segment's byte, which is the byte of the exact length the document's postings sum to."""
    count = start + sum(len(place) for place in places)
    lengths = {}
    for name in sorted(schema.names()):
        if schema[name].scorable:
            found = lengths[name] = np.zeros(count, dtype=np.int64)
            for reader, place in zip(readers, places, strict=True):
                for docnum, new in place.items():
                    found[new] = reader.doc_field_length(docnum, name, 0) or 0
    return lengths


def _add_documents(writer, readers, places, lengths: dict[str, np.ndarray]) -> None:
    """Write stored fields, lengths and columns for every live document, in the new order."""
    schema, perdoc = writer.schema, writer.perdocwriter
    names = sorted(schema.names())
    sources = sorted((new, r, docnum) for r, place in enumerate(places) for docnum, new in place.items())
    readers_columns = [_columns(schema, reader, names) for reader in readers]
    for new, r, docnum in sources:
        stored = readers[r].stored_fields(docnum)
        perdoc.start_doc(new)
        for name in names:
            field = schema[name]
            perdoc.add_field(name, field, stored.get(name), int(lengths[name][new]) if name in lengths else 0)
            if name in readers_columns[r]:
                perdoc.add_column_value(name, field.column_type, readers_columns[r][name][docnum])
        perdoc.finish_doc()
        writer.docnum = new + 1
    writer._added = True


def _indexed_names(schema, readers) -> list[str]:
    """The schema's fields with terms in any of the segments, sorted (their field numbers in the new one)."""
    return sorted({name for reader in readers for name in reader._terms.indexed_field_names() if name in schema})


_COMPACTION = None  # what each range's process reads (``_write_postings``)


def _write_postings(writer, segments, readers, places, lengths, names, meanwhile=None) -> tuple[list, dict]:
    """Every live posting of the segments, renumbered, written by ``writer.parts`` processes, each a range of
    terms read straight from the old segments (their terms are sorted already: no pool, no sort of terms):
    each range's postings and terms-table files, in key order, and each scored field's length total.

    The new segment's hot postings (``search.hot``) are written on the way, from the lists in hand, into its
    hot folder (a ``Store`` entry written whole; removed by the next build if the commit fails). With
    ``meanwhile`` (copying the stored fields), every range is written in a child process while this one
    calls it (at 100,000 bulletins the copy took 19 s of one core before the ranges started)."""
    maps = [_document_map(reader, place) for reader, place in zip(readers, places, strict=True)]
    in_order = [bool(np.all(np.diff(found[found >= 0]) > 0)) for found in maps]
    changed = [np.concatenate([[0], np.cumsum(found != np.arange(len(found)))]) for found in maps]
    largest = max(readers, key=lambda reader: reader.doc_count_all())
    bounds = [None, *_cuts(largest, writer.parts), None]
    ranges = list(pairwise(bounds))
    hot_fields, done = scored_fields(writer.schema), []

    def write(folder: Path, _) -> None:
        global _COMPACTION
        _COMPACTION = (writer, segments, maps, in_order, changed, lengths, names, ranges, folder, hot_fields)
        try:
            done.extend(run_forked(_write_range, len(ranges), meanwhile))
        finally:
            _COMPACTION = None
        store_runs(folder, hot_fields, [hot for _, _, _, hot in done])

    HOT.write(Path(writer.storage.folder), writer.newsegment.segment_id(), write)
    totals: dict[str, int] = defaultdict(int)
    for _, _, counted, _ in done:
        for name, n in counted.items():
            totals[name] += n
    return [(postings, entries) for postings, entries, _, _ in done], totals


def _document_map(reader, place: dict[int, int]) -> np.ndarray:
    """A segment's document numbers to new ones (-1: deleted)."""
    found = np.full(reader.doc_count_all(), -1, dtype=np.int64)
    if place:
        found[np.fromiter(place.keys(), dtype=np.int64)] = np.fromiter(place.values(), dtype=np.int64)
    return found


SAMPLES = 512  # keys read from the largest segment's terms table for each range, to cut the ranges


def _cuts(reader, parts: int) -> list[tuple[str, bytes]]:
    """Up to ``parts - 1`` keys (field, term) that cut the terms into ranges of about equal postings bytes in
    ``reader``'s segment (the largest: the others are small beside it after an ordinary history). A term's
    postings start at an offset that grows with its key, so keys read at even steps of the terms table's
    sorted index show where the bytes fall."""
    table = reader._terms._tindex
    count = table.indexlen
    if parts < 2 or count < parts:
        return []
    points = []
    for i in range(0, count, max(count // (SAMPLES * parts), 1)):
        at = table._get_pos(table.indexbase + i * table.indexsize)
        keypos, keylen, datapos, datalen = next(table._ranges(pos=at))
        info = W3TermInfo.from_bytes(table.dbfile.get(datapos, datalen))
        if not info.is_inlined():
            points.append((info.extent()[0], reader._terms._keydecoder(table.dbfile.get(keypos, keylen))))
    if not points:
        return []
    total, cuts = points[-1][0], []
    for part in range(1, parts):
        at = bisect.bisect_left(points, total * part / parts, key=lambda point: point[0])
        if 0 < at < len(points):
            cuts.append(points[at][1])
    return sorted(set(cuts))


def _write_range(k: int, apart: bool) -> tuple[str, str, dict[str, int], tuple]:
    """One range of terms' postings into files of their own (``indexer.writing.PartWriter``) and its hot lists
    into a run (``search.hot.HotRun``), read through readers of this process's own: the files' names in the
    temp store, each scored field's length total and the run's answer."""
    writer, segments, maps, in_order, changed, lengths, names, ranges, folder, hot_fields = _COMPACTION
    low, high = ranges[k]
    readers = [SegmentReader(writer.storage, writer.schema, segment) for segment in segments]
    totals: dict[str, int] = {}
    try:
        with PartWriter(writer, k) as part, HotRun(folder, k, hot_fields) as hot:
            for number, name in enumerate(names):
                if (low and name < low[0]) or (high and name > high[0]):
                    continue
                part.start_field(number)
                field = writer.schema[name]
                source = _Source(readers, name, field.format, maps, in_order)
                counted = _write_field(part, hot, source, changed, _range_terms(readers, name, low, high),
                                       lengths.get(name))
                if field.scorable:
                    totals[name] = counted
    finally:
        for reader in readers:
            reader.close()
    return part.postings, part.entries, totals, hot.answer()


class _Source:
    """A field's postings in the old segments, a term at a time, renumbered (``_renumbered``)."""

    def __init__(self, readers, name: str, fieldformat, maps, in_order):
        self.readers, self.name, self.format, self.maps, self.in_order = readers, name, fieldformat, maps, in_order
        self.copyable = _weights_are_frequencies(fieldformat)

    def keeps_numbers(self, r: int, term: bytes, value: bytes) -> bool:
        """Whether every document of a term's postings in segment ``r`` keeps its number (none deleted)."""
        terms, numbers = self.readers[r]._terms, self.maps[r]
        matcher = terms._codec.postings_reader(terms._postfile, W3TermInfo.from_bytes(value), self.format,
                                               term=(self.name, term))
        while matcher.is_active():
            ids = block_ids(matcher)
            if not np.array_equal(numbers[ids], ids):
                return False
            matcher._next_block()
        return True

    def postings(self, term: bytes, found: list[tuple[int, bytes]]):
        infos = [(r, W3TermInfo.from_bytes(value)) for r, value in found]
        return _renumbered(self.readers, infos, self.maps, self.in_order, self.name, term, self.format)


def _write_field(part, hot, source: _Source, changed, terms, field_lengths) -> int:
    """A field's terms (``_range_terms``) into ``part`` and its long lists into ``hot``; the sum of their
    postings' frequencies.

    A term found in one segment only, none of whose documents from its first to its last changed number or
    was deleted (``changed``: how many documents before each one did), has the same postings: its bytes are
    copied as they are (after an ordinary history most terms, the rare ones, which cost the most per posting).
    """
    counted, name, fieldformat = 0, source.name, source.format
    for term, found in terms:
        if len(found) == 1 and source.copyable:
            r, value = found[0]
            if (kept := _copyable(source, r, term, value, changed[r])) is not None:
                offset, length, weight, count = kept
                part.copy_term(term, value, source.readers[r]._terms._postfile.get(offset, length))
                counted += int(weight)
                if hot.wants(name, count):
                    _add_hot(hot, name, term, fieldformat, *source.postings(term, found))
                continue
        ids, weights, values = source.postings(term, found)
        if len(ids):
            part.add_term(term, fieldformat, ids, weights, values, field_lengths)
            if field_lengths is not None:
                counted += _frequencies(fieldformat, weights, values)
            if hot.wants(name, len(ids)):
                _add_hot(hot, name, term, fieldformat, ids, weights, values)
    return counted


def _add_hot(hot, name: str, term: bytes, fieldformat, ids, weights, values) -> None:
    """A long list into the hot run, with its positions for a positions field."""
    if isinstance(fieldformat, PackedPositions):
        counts = np.fromiter(map(len, values), dtype=np.int64, count=len(values)) // 4
        hot.add(name, term, ids, weights, counts, np.frombuffer(b"".join(values), dtype=np.uint32))
    else:
        hot.add(name, term, ids, weights)


_ENTRY = W3TermInfo._struct  # a terms-table entry's statistics: inlined, weight, ..., first and last document
_NO_ID = 0xFFFFFFFF
EXACT_WEIGHTS = 1 << 24  # a float32 total of whole numbers is exact below this


def _copyable(source: _Source, r: int, term: bytes, value: bytes,
              changed: np.ndarray) -> tuple[int, int, float, int] | None:
    """(offset, length, total weight, postings) of a term's postings in segment ``r`` when they are the same bytes
    in the new segment, else None (and for inlined postings): when every document from its first to its last
    keeps its number (``changed``, from the entry alone), or failing that, every document of its own does (its
    blocks' ids read: one edited bulletin in a hundred deletes a document inside the span of most terms that
    are not its own, which then still keep their bytes)."""
    inlined, weight, count, _, _, _, first, last = _ENTRY.unpack(value[:_ENTRY.size])
    if inlined or first == _NO_ID or weight >= EXACT_WEIGHTS:
        return None
    if changed[last + 1] != changed[first] and not source.keeps_numbers(r, term, value):
        return None
    offset = unpack_long(value[_ENTRY.size:_ENTRY.size + _LONG_SIZE])[0]
    return offset, unpack_int(value[_ENTRY.size + _LONG_SIZE:_ENTRY.size + _LONG_SIZE + _INT_SIZE])[0], weight, count


def _weights_are_frequencies(fieldformat) -> bool:
    """Whether a posting's weight is its frequency (a term's total weight is then its frequencies' sum): the
    schema's formats without a field boost (the builder gives no document boosts)."""
    return type(fieldformat) in (formats.Frequency, PackedPositions) and fieldformat.field_boost == 1.0


def _range_terms(readers, name: str, low, high):
    """(term, [(reader number, terms-table entry)]) of a field's terms from key ``low`` up to ``high`` (None:
    open) in any of the segments, sorted."""
    start = low[1] if low and low[0] == name else b""
    end = high[1] if high and high[0] == name else None
    sources = [_segment_terms(reader, r, name, start, end) for r, reader in enumerate(readers)
               if name in reader._terms.indexed_field_names()]
    merged = heapq.merge(*sources) if len(sources) > 1 else (sources[0] if sources else ())
    for term, group in groupby(merged, key=lambda entry: entry[0]):
        yield term, [(r, value) for _, r, value in group]


def _segment_terms(reader, r: int, name: str, start: bytes, end: bytes | None):
    terms = reader._terms
    prefix = terms._keycoder(name, b"")
    for key, value in terms._tindex.items_from(prefix + start):
        if not key.startswith(prefix) or (end is not None and key[2:] >= end):
            return
        yield key[2:], r, value


def _renumbered(readers, found, maps, in_order, name: str, term: bytes, fieldformat):
    """A term's live postings in the new numbering, sorted: (ids, float32 weights, values)."""
    ids, weights, values = [], [], []
    for r, info in found:
        terms = readers[r]._terms
        matcher = terms._codec.postings_reader(terms._postfile, info, fieldformat, term=(name, term))
        for old, block_weights, block_values in _blocks(matcher):
            new = maps[r][old]
            kept = new >= 0
            if kept.all():
                ids.append(new)
                weights.append(block_weights)
                values.extend(block_values)
            else:
                ids.append(new[kept])
                weights.append(block_weights[kept])
                values.extend(value for value, keep in zip(block_values, kept.tolist(), strict=True) if keep)
    if not ids:
        return (), (), []
    ids, weights = np.concatenate(ids), np.concatenate(weights)
    if len(found) > 1 or not in_order[found[0][0]]:
        order = np.argsort(ids, kind="stable")
        ids, weights, values = ids[order], weights[order], [values[i] for i in order.tolist()]
    return ids, weights, values


def _blocks(matcher):
    """(ids, float32 weights, values) of each block of a term's postings in one segment."""
    if not hasattr(matcher, "_read_ids"):  # postings inlined in the term's entry
        ids, weights, values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value())
            matcher.next()
        yield np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float32), values
        return
    while matcher.is_active():  # Whoosh 2.7's W3LeafMatcher: its block's data, as Whoosh minified it
        ids = block_ids(matcher)
        weights = matcher._data[1]  # None: every weight 1.0; a float: all the same
        matcher._read_values()
        yield (ids, np.full(len(ids), 1.0 if weights is None else weights, dtype=np.float32)
               if weights is None or isinstance(weights, float) else np.array(weights, dtype=np.float32),
               matcher._values)
        matcher._next_block()


def _frequencies(fieldformat, weights, values) -> int:
    """The sum of a term's postings' frequencies (a field's length total is the sum over its terms), as
    ``decode_frequency`` reads each value, a list at a time for the schema's formats."""
    if isinstance(fieldformat, PackedPositions):
        return sum(map(len, values)) // 4
    if type(fieldformat) is formats.Frequency:
        return int(np.frombuffer(b"".join(values), dtype=">u4").sum())
    return sum(map(fieldformat.decode_frequency, values))


def _columns(schema, reader, names) -> dict:
    """The reader's raw column readers of the schema's column fields (as Whoosh's own merge reads them)."""
    found = {}
    for name in names:
        column_type = schema[name].column_type
        if column_type and reader.has_column(name):
            column = reader.column_reader(name, column_type)
            found[name] = column.raw_column() if isinstance(column, columns.TranslatingColumnReader) else column
    return found
