"""Stage 5: a generation's segments rewritten as one, in corpus order, without deleted documents.

Whoosh deletes a document by marking it; the document stays in its segment,
and until that segment is merged it still counts in the statistics BM25 reads:
the number of documents, the document frequencies and the average field
lengths. Documents rewritten by a reusing build also sit after the others,
so tied scores (ordered by document number) come out in another order. After
such a build the index is what a build from scratch would give only once it is
compacted: ``compact`` rewrites every segment into one whose documents follow
the corpus order, copying stored fields, columns and postings (no text is
analysed again) and taking each field's length from the postings themselves,
exactly as ``add_document`` counts it (Whoosh's own merge would sum the one-byte
approximations and shift the average field lengths).

Whoosh's own merge is the third way an index drifts from a build from scratch:
when a commit merges small segments (``MERGE_SMALL``, from the fifth segment
on) it copies their documents with the one-byte approximation of each field
length, and the merged segment's length totals - the average field lengths
BM25 divides by - become sums of approximations. Segments written by
``add_document`` or by ``compact`` have exact totals; the builder records
which segments those are (``exact_after``).

``needs_compaction`` tells whether a generation differs from that layout: an
index with no deletions, whose documents already follow the corpus order and
whose segments all have exact totals, has the statistics of a build from
scratch (several segments sum to the same totals) and is left alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from whoosh import columns
from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length, length_to_byte

from .writing import segment_writer, without_cycle_collection


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
    write the new segment's postings (``indexer.writing``).
    """
    writer = segment_writer(ix, limitmb, parts=parts)
    with without_cycle_collection():
        try:
            writer.commit(mergetype=lambda w, segments: _rewrite(w, segments, order))
        except BaseException:
            writer.cancel()
            raise


def _rewrite(writer, segments, order: Sequence[str]) -> list:
    """Whoosh merge policy: every segment into the writer's new one, reordered; no segment kept."""
    readers = [SegmentReader(writer.storage, writer.schema, segment) for segment in segments]
    try:
        places = _placement(readers, order, writer.docnum)
        lengths = _add_postings(writer, readers, places)
        _add_documents(writer, readers, places, lengths)
    finally:
        for reader in readers:
            reader.close()
    writer.per_document_reader = lambda: _Lengths(lengths)  # the flush reads lengths from here, not the files
    return []


class _Lengths:
    """Each new document's field lengths as the index stores them (one byte), for the postings writer."""

    def __init__(self, lengths: dict[str, dict[int, int]]):
        self.stored = {name: {docnum: byte_to_length(length_to_byte(n)) for docnum, n in found.items() if n}
                       for name, found in lengths.items()}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return self.stored.get(fieldname, {}).get(docnum, default)

    def close(self) -> None:
        pass


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


def _add_postings(writer, readers, places) -> dict[str, dict[int, int]]:
    """Put every live posting in the writer's pool; each (field, new docnum)'s length, as indexing counts it."""
    lengths: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    add = writer.pool.add_postings
    for reader, place in zip(readers, places, strict=True):
        terms = reader._terms  # the segment's terms table, read in one ordered pass with each term's entry (its
        # matcher from the entry: a lookup per term would hash the key again, and SegmentReader.postings would
        # rebuild the set of deletions per term)
        for (fieldname, text), info in terms.items():
            if fieldname not in writer.schema:
                continue
            field = writer.schema[fieldname]
            matcher = terms._codec.postings_reader(terms._postfile, info, field.format, term=(fieldname, text))
            postings = list(_live_postings(matcher, place))
            if field.scorable:
                counted, frequency = lengths[fieldname], field.format.decode_frequency
                for new, _, value in postings:
                    counted[new] += frequency(value)
            add(fieldname, text, postings)
    return lengths


def _live_postings(matcher, place: dict[int, int]):
    """(new docnum, weight, value) of a term's postings whose document is in ``place``, a block at a time."""
    if not hasattr(matcher, "_read_ids"):  # postings inlined in the term's entry
        while matcher.is_active():
            if (new := place.get(matcher.id())) is not None:
                yield new, matcher.weight(), matcher.value()
            matcher.next()
        return
    while matcher.is_active():  # Whoosh 2.7's W3LeafMatcher, as search.vector reads it
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        for docnum, weight, value in zip(matcher._ids, matcher._weights, matcher._values, strict=True):
            if (new := place.get(docnum)) is not None:
                yield new, weight, value
        matcher._next_block()


def _add_documents(writer, readers, places, lengths) -> None:
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
            perdoc.add_field(name, field, stored.get(name), lengths.get(name, {}).get(new, 0))
            if name in readers_columns[r]:
                perdoc.add_column_value(name, field.column_type, readers_columns[r][name][docnum])
        perdoc.finish_doc()
        writer.docnum = new + 1
    writer._added = True


def _columns(schema, reader, names) -> dict:
    """The reader's raw column readers of the schema's column fields (as Whoosh's own merge reads them)."""
    found = {}
    for name in names:
        column_type = schema[name].column_type
        if column_type and reader.has_column(name):
            column = reader.column_reader(name, column_type)
            found[name] = column.raw_column() if isinstance(column, columns.TranslatingColumnReader) else column
    return found
