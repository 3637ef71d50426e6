"""Hot postings: each segment's long posting lists as arrays, written once at index time and memory-mapped.

A term found in a thousand bulletins or more ("hành chính", "thủ tục") costs
most when a query first reads it: Whoosh stores postings as pickled,
compressed blocks, and decoding 100,000 of them takes tens of milliseconds in
Python. So after each commit ``ensure_hot`` writes, for every segment that has
none yet, each posting list of at least ``HOT_DOCS`` documents of every scored
field as plain arrays beside the segment::

    gen-.../hot-<segment id>/ids.npy       int32 document numbers within the segment, list after list
    gen-.../hot-<segment id>/weights.npy   uint16 weight (term frequency) of each posting (float32 when one
                                           is not a whole number below 65,536; older indexes: float64)
    gen-.../hot-<segment id>/terms.json    {field: {term: [start, end]}}
    gen-.../hot-<segment id>/positions.npy  uint16 positions of the pairs fields' lists, posting after posting
                                           (uint32 when one is 65,536 or more); a posting's document is its
                                           ids.npy entry, once per position: its weight is their number
    gen-.../hot-<segment id>/positions.json {field: {term: [start, end]}}

(Folders written before positions.npy hold positions.bin instead: int64 keys
``docnum << 32 | position``, 8 bytes a position where positions.npy takes 2;
they are read as they are.)

Segments never change once written (deletions live apart from them), so a
segment's arrays are written once: an incremental run writes arrays only for
its new, small segment. A compaction (``indexer.compaction``) has every long
list in hand as it writes the compacted segment, so its processes hand them to
``HotRun`` and ``store_runs`` writes the segment's folder from them (the same
files, byte for byte) instead of reading the lists from Whoosh again.
``open_hot`` maps them read-only for a reader, one entry per leaf, so every
serving process shares one copy; ``search.vector`` reads a hot list as a slice
(deleted documents included, as Whoosh counts them) and decodes the rest.
The scores stay computed at search time, because they depend on the commit.
"""

from __future__ import annotations

import json
import shutil
from itertools import pairwise
from pathlib import Path

import numpy as np

from .forked import run_forked
from .schema import PackedPositions
from .stores import Store

HOT_DOCS = 1000  # a posting list at least this long is written (about 0.2 ms to decode from Whoosh blocks)
PREFIX = "hot-"
HOT = Store(PREFIX)  # hot-<segment id> folders (``search.stores``)


class HotPostings:
    """One segment's long posting lists by (field, term), over memory-mapped arrays."""

    def __init__(self, terms: dict[str, dict[str, list[int]]], ids: np.ndarray, weights: np.ndarray,
                 placed: dict[str, dict[str, list[int]]] | None = None, places: np.ndarray | None = None,
                 keys: np.ndarray | None = None):
        self.terms, self.ids, self.weights = terms, ids, weights
        self.placed = placed or {}
        self.places = places  # positions.npy: each posting's positions, posting after posting
        self.keys = keys  # positions.bin of an older folder: int64 keys instead

    def get(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(document numbers within the segment, weights) of a hot list, or None when it is not one."""
        found = self.terms.get(field, {}).get(text)
        if found is None:
            return None
        start, end = found
        return self.ids[start:end], self.weights[start:end]

    def positions(self, field: str, text: str, offset: int = 0) -> np.ndarray | None:
        """Sorted keys ``(docnum + offset) << 32 | position`` of a hot list of a positions field (``docnum``
        within the segment); None when its positions are not here (or do not add up: they are decoded)."""
        found = self.placed.get(field, {}).get(text)
        if found is None:
            return None
        start, end = found
        if self.places is None:
            keys = self.keys[start:end]
            return keys + (offset << 32) if offset else keys
        first, last = self.terms[field][text]
        counts = self.weights[first:last].astype(np.int64)  # a pairs field's weight: its number of positions
        if counts.sum() != end - start:
            return None
        return position_keys(self.ids[first:last], counts, self.places[start:end], offset)

    def __len__(self) -> int:
        return sum(len(terms) for terms in self.terms.values())


def segment_id(leaf) -> str | None:
    """The Whoosh segment a leaf reader reads (None for an empty index's reader)."""
    segment = leaf.segment()  # Whoosh's readers answer None when they read no one segment
    return segment.segment_id() if segment is not None else None


def folder_for(generation: Path, segment: str) -> Path:
    return HOT.path(generation, segment)


def block_ids(matcher) -> np.ndarray:
    """The document numbers of a matcher's current block (its data read and kept on the matcher)."""
    if matcher._data is None:
        matcher._read_data()  # the block's pickled (ids, weights, values), decompressed
    found = np.asarray(matcher._data[0], dtype=np.int64)
    return np.cumsum(found) if not matcher._byteids else found  # gaps: summed here, not by Whoosh's generator


def read_blocks(matcher, offset: int, ids: list, weights: list) -> None:
    """Append every block of a leaf posting matcher as arrays (Whoosh 2.7's W3LeafMatcher)."""
    if not hasattr(matcher, "_read_ids"):  # an inlined posting list (a term of one document)
        while matcher.is_active():
            ids.append(np.array([matcher.id() + offset], dtype=np.int64))
            weights.append(np.array([matcher.weight()], dtype=np.float64))
            matcher.next()
        return
    while matcher.is_active():
        found = block_ids(matcher)
        block_weights = matcher._data[1]
        ids.append(found + offset)
        if block_weights is None or isinstance(block_weights, float):  # every weight 1.0, or all the same
            weights.append(np.full(len(found), 1.0 if block_weights is None else block_weights))
        else:
            weights.append(np.asarray(block_weights, dtype=np.float64))
        matcher._next_block()


def position_keys(docs: np.ndarray, counts: np.ndarray, places: np.ndarray, offset: int = 0) -> np.ndarray:
    """Keys ``(docnum + offset) << 32 | position`` of postings given as their documents, the number of
    positions of each and the positions, posting after posting (sorted when the postings are)."""
    return (np.repeat(docs.astype(np.int64) + offset, counts) << 32) | places


def read_places(matcher) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(document numbers, number of positions of each, uint32 positions posting after posting) of every
    posting of a positions field's leaf matcher, block by block."""
    docs, counts, places = [], [], []
    inlined = not hasattr(matcher, "_read_ids")  # an inlined posting list (a term of one document)
    while matcher.is_active():
        if inlined:
            docs.append(np.array([matcher.id()], dtype=np.int64))
            values = [matcher.value()]
            matcher.next()
        else:
            docs.append(block_ids(matcher))
            matcher._read_values()
            values = matcher._values
            matcher._next_block()
        counts.append(np.fromiter(map(len, values), dtype=np.int64, count=len(values)) // 4)
        places.append(np.frombuffer(b"".join(values), dtype=np.uint32))
    return (np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
            np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64),
            np.concatenate(places) if places else np.zeros(0, dtype=np.uint32))


def read_positions(matcher, offset: int) -> np.ndarray:
    """``(docnum + offset) << 32 | position`` for every position of every posting, sorted."""
    return position_keys(*read_places(matcher), offset)


def _unfiltered(leaf, field: str, text):
    """A term's posting matcher in one segment, without the deleted-documents filter (deletions are masked later).

    Made as ``SegmentReader.postings`` makes it, less the filter: unwrapping Whoosh's ``FilterMatcher`` is not
    enough, since making one moves its child past the leading deleted postings (every posting of a segment whose
    documents were all replaced), which then went uncounted in a term's frequency while they stayed in the
    number of documents (the idf of every word rose after an incremental run replaced many bulletins)."""
    return leaf._terms.matcher(field, leaf._text_to_bytes(field, text), leaf.schema[field].format, scorer=None)


def leaf_postings(leaf, field: str, text, offset: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(document numbers + ``offset``, weights) of a term in one segment, deleted documents included."""
    ids, weights = [], []
    read_blocks(_unfiltered(leaf, field, text), offset, ids, weights)
    return (np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
            np.concatenate(weights) if weights else np.zeros(0))


def leaf_positions(leaf, field: str, text, offset: int = 0) -> np.ndarray:
    """Sorted keys ``(docnum + offset) << 32 | position`` of a term in one segment, deleted documents included."""
    return read_positions(_unfiltered(leaf, field, text), offset)


def leaf_places(leaf, field: str, text) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(document numbers, number of positions of each, positions) of a term in one segment (``read_places``)."""
    return read_places(_unfiltered(leaf, field, text))


def hot_terms(leaf, fields: list[str], min_docs: int = HOT_DOCS) -> list[tuple[str, bytes, int]]:
    """(field, term, postings) of every term of one segment in at least ``min_docs`` of its documents."""
    return [(field, term, info.doc_frequency())
            for field in fields if field in leaf.schema
            for term, info in leaf.iter_field(field) if info.doc_frequency() >= min_docs]


class _Unfit(ValueError):
    """A weight the compact type cannot hold exactly."""


def _fitted(weights: np.ndarray, dtype) -> np.ndarray:
    """``weights`` as ``dtype``, exactly; ``_Unfit`` when a whole-number type cannot hold one of them."""
    if np.issubdtype(dtype, np.integer) and not _fits(weights, dtype):
        raise _Unfit(dtype)
    return weights.astype(dtype)


def _fits(weights: np.ndarray, dtype) -> bool:
    """Whether whole-number type ``dtype`` holds every weight exactly."""
    limit = np.iinfo(dtype).max
    return not len(weights) or not (weights.min() < 0 or weights.max() > limit or np.any(weights != np.floor(weights)))


def write_segment(folder: Path, leaf, fields: list[str], min_docs: int = HOT_DOCS, parts: int = 1) -> int:
    """Write one segment's hot postings into ``folder`` (created); the number of lists written.

    Weights are term frequencies, whole numbers (no field has an index-time boost), so they are kept as
    uint16: 6 bytes a posting with its int32 document number where float64 took 12. A segment with a
    weight uint16 cannot hold exactly is written again with float32 weights.

    Lists of a positions field (``PackedPositions``: the pairs fields) also get their positions, which
    exact phrases read (``VectorSearcher.positions``): uint16, 2 bytes a position where int64 keys
    ``docnum << 32 | position`` took 8 (uint32 when a position is 65,536 or more). A position's document
    is not stored: it is the posting's, in ``ids.npy``, repeated by the posting's weight, which is its
    number of positions. A list whose weights are not (a field boost) keeps its positions in Whoosh only.

    With ``parts`` above 1, a segment of ``SHARED_POSTINGS`` hot postings or more is written by that many forked
    processes, each a run of its lists of about equal size, each reading the segment through a reader of its
    own: the same files, byte for byte (issue 19: 152 s on one core at 100,000 bulletins).
    """
    try:
        return _write_segment(folder, leaf, fields, min_docs, np.uint16, parts)
    except _Unfit:
        shutil.rmtree(folder, ignore_errors=True)
        return _write_segment(folder, leaf, fields, min_docs, np.float32, parts)


SHARED_POSTINGS = 2_000_000  # fewer hot postings are written by one process (forking costs more than it saves)
POSITIONS_COST = 3  # a posting with its positions to read takes about 3 times one without (100,000 bulletins: 1.45
# against 0.44 us), so the runs are cut by cost, not by postings


def _write_segment(folder: Path, leaf, fields: list[str], min_docs: int, weight_type, parts: int = 1) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    terms = hot_terms(leaf, fields, min_docs)
    total = sum(count for _, _, count in terms)
    table: dict[str, dict[str, list[int]]] = {field: {} for field in fields}
    placed: dict[str, dict[str, list[int]]] = {}
    if total:
        for name, dtype in (("ids.npy", np.int32), ("weights.npy", weight_type)):
            np.lib.format.open_memmap(folder / name, mode="w+", dtype=dtype, shape=(total,)).flush()
        starts = [0, *np.cumsum([count for _, _, count in terms]).tolist()]
        costs = [0, *np.cumsum([count * (POSITIONS_COST if isinstance(leaf.schema[field].format, PackedPositions)
                                         else 1) for field, _, count in terms]).tolist()]
        runs = _runs(costs, parts if total >= SHARED_POSTINGS and not leaf.segment().is_compound() else 1)
        done = _in_processes(folder, leaf, terms, starts, runs, weight_type)
        with _Places(folder) as places:
            for (low, high), (local, scratch, largest) in zip(runs, done, strict=True):
                moved = places.append(scratch, largest)
                for n in range(low, high):
                    field, term, _ = terms[n]
                    table[field][term.decode("utf-8")] = [starts[n], starts[n + 1]]
                    if n in local:
                        placed.setdefault(field, {})[term.decode("utf-8")] = [moved + a for a in local[n]]
    _write_tables(folder, table, placed)
    return len(terms)


def _write_tables(folder: Path, table: dict, placed: dict) -> None:
    """terms.json and positions.json (written last: terms.json marks a folder written whole)."""
    (folder / "positions.json").write_text(json.dumps(placed, ensure_ascii=False), encoding="utf-8")
    (folder / "terms.json").write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")


_SCRATCH = {"ids": ("i32", "<i4"), "weights": ("f32", "<f4"), "positions": ("u32", "<u4")}  # suffix, type


def _scratch(folder: Path, name: str, k: int) -> Path:
    """Run ``k``'s scratch file of ``name`` (ids, weights, positions) in a segment's hot folder."""
    return folder / f"{name}.{k}.{_SCRATCH[name][0]}"


class HotRun:
    """Hot lists handed over as they are met, in key order, by one of the processes that write a segment's
    postings (``indexer.compaction``: the lists are in hand there, so they are not read from Whoosh again).

    Each run appends to scratch files of its own in the segment's hot folder (``ids.<k>.i32``,
    ``weights.<k>.f32``, ``positions.<k>.u32``); ``store_runs`` turns the runs, in order, into the files
    ``write_segment`` writes for the same segment, byte for byte."""

    def __init__(self, folder: Path, k: int, fields: list[str], min_docs: int | None = None):
        self.folder, self.k, self.fields = folder, k, set(fields)
        self.min_docs = HOT_DOCS if min_docs is None else min_docs
        self.lists: list[tuple[str, bytes, int, int | None]] = []  # (field, term, postings, positions or None)
        self.largest, self.fits = 0, True

    def wants(self, field: str, count: int) -> bool:
        return count >= self.min_docs and field in self.fields

    def __enter__(self):
        self._files = [open(_scratch(self.folder, name, self.k), "wb") for name in _SCRATCH]
        return self

    def add(self, field: str, term: bytes, ids: np.ndarray, weights: np.ndarray, counts=None, places=None) -> None:
        """A list's document numbers and weights; with ``counts`` and ``places``, its postings' numbers of
        positions and their positions, kept when the counts are the weights (as ``_write_run`` keeps them)."""
        ids_file, weights_file, places_file = self._files
        ids.astype(_SCRATCH["ids"][1]).tofile(ids_file)
        weights.astype(_SCRATCH["weights"][1]).tofile(weights_file)
        self.fits = self.fits and _fits(weights, np.uint16)
        kept = None
        if counts is not None and np.array_equal(counts, weights):
            places.astype(_SCRATCH["positions"][1]).tofile(places_file)
            self.largest = max(self.largest, int(places.max(initial=0)))
            kept = len(places)
        self.lists.append((field, term, len(ids), kept))

    def __exit__(self, *_):
        for file in self._files:
            file.close()

    def answer(self) -> tuple[int, list, int, bool]:
        """What ``store_runs`` needs of a run (sent from a child process)."""
        return self.k, self.lists, self.largest, self.fits


def store_runs(folder: Path, fields: list[str], runs: list[tuple[int, list, int, bool]]) -> int:
    """The hot files of a segment from its runs' answers (``HotRun.answer``, in key order) and scratch files
    (removed); the number of lists."""
    table: dict[str, dict[str, list[int]]] = {field: {} for field in fields}
    placed: dict[str, dict[str, list[int]]] = {}
    total = sum(count for _, lists, _, _ in runs for _, _, count, _ in lists)
    scratch = [_scratch(folder, name, k) for k, _, _, _ in runs for name in ("ids", "weights")]
    try:
        if total:
            weight_type = np.uint16 if all(fits for _, _, _, fits in runs) else np.float32
            for name, dtype in (("ids", np.int32), ("weights", weight_type)):
                stored = np.lib.format.open_memmap(folder / f"{name}.npy", mode="w+", dtype=dtype, shape=(total,))
                at = 0
                for k, _, _, _ in runs:
                    found = np.fromfile(_scratch(folder, name, k), dtype=_SCRATCH[name][1])
                    stored[at:at + len(found)] = found
                    at += len(found)
                stored.flush()
                del stored
        start = 0
        with _Places(folder) as places:
            for k, lists, largest, _ in runs:
                moved = places.append(_scratch(folder, "positions", k), largest)
                for field, term, count, kept in lists:
                    table[field][term.decode("utf-8")] = [start, start + count]
                    start += count
                    if kept is not None:
                        placed.setdefault(field, {})[term.decode("utf-8")] = [moved, moved + kept]
                        moved += kept
    finally:
        for path in scratch:
            path.unlink(missing_ok=True)
    _write_tables(folder, table, placed)
    return sum(len(lists) for _, lists, _, _ in runs)


def _runs(costs: list[int], parts: int) -> list[tuple[int, int]]:
    """``parts`` runs (low, high) of list numbers of about equal cost, ``costs`` the lists' cumulative costs from
    0 (fewer runs when lists are few).

    >>> _runs([0, 5, 10, 15, 20], 2), _runs([0, 5, 10], 1), _runs([0, 90, 95, 100], 2)
    ([(0, 2), (2, 4)], [(0, 2)], [(0, 1), (1, 3)])
    """
    total, cuts = costs[-1], [0]
    for part in range(1, parts):
        at = int(np.searchsorted(costs, total * part / parts))
        if cuts[-1] < at < len(costs) - 1:
            cuts.append(at)
    return list(pairwise([*cuts, len(costs) - 1]))


def _in_processes(folder: Path, leaf, terms, starts, runs, weight_type) -> list[tuple[dict, Path, int]]:
    """Each run's lists written (``_write_run``), the first here and the others in forked processes through a
    reader of their own (``search.forked``): per run, the positions' local [start, end] by list number, its
    scratch file and its largest position. ``_Unfit`` raised in a child is raised here (written again with
    float32 weights)."""
    from whoosh.reading import SegmentReader

    def task(k: int, apart: bool):
        if not apart:
            return _write_run(folder, leaf, terms, starts, *runs[k], weight_type, k)
        own = SegmentReader(leaf.storage(), leaf.schema, leaf.segment())
        try:
            return _write_run(folder, own, terms, starts, *runs[k], weight_type, k)
        finally:
            own.close()

    return run_forked(task, len(runs))


def _write_run(folder: Path, leaf, terms, starts, low: int, high: int, weight_type, k: int):
    ids = np.lib.format.open_memmap(folder / "ids.npy", mode="r+")
    weights = np.lib.format.open_memmap(folder / "weights.npy", mode="r+")
    scratch, local, count, largest = _scratch(folder, "positions", k), {}, 0, 0
    with open(scratch, "wb") as out:
        for n in range(low, high):
            field, term, expected = terms[n]
            term_ids, term_weights = leaf_postings(leaf, field, term)
            if len(term_ids) != expected:
                raise ValueError(f"{field}:{term!r}: {len(term_ids)} postings read, {expected} counted")
            ids[starts[n]:starts[n + 1]] = term_ids
            weights[starts[n]:starts[n + 1]] = _fitted(term_weights, weight_type)
            if isinstance(leaf.schema[field].format, PackedPositions):
                docs, counts, found = leaf_places(leaf, field, term)
                if np.array_equal(docs, term_ids) and np.array_equal(counts, term_weights):
                    found.astype(_SCRATCH["positions"][1]).tofile(out)
                    largest = max(largest, int(found.max(initial=0)))
                    local[n] = [count, count + len(found)]
                    count += len(found)
    ids.flush()
    weights.flush()
    return local, scratch, largest


class _Places:
    """A segment's positions: each run's scratch file of uint32 (``_write_run``) placed after the ones before,
    then stored in the narrowest unsigned type that holds them all (``positions.npy``, uint16 or uint32), a chunk
    at a time, straight from the runs' files (removed)."""

    CHUNK = 1 << 20

    def __init__(self, folder: Path):
        self.folder, self.count, self.largest, self.runs = folder, 0, 0, []

    def __enter__(self):
        return self

    def append(self, run: Path, largest: int) -> int:
        """Place a run's positions (its scratch file) after those before; where they start in the stored array."""
        start = self.count
        self.runs.append(run)
        self.count += run.stat().st_size // 4
        self.largest = max(self.largest, largest)
        return start

    def __exit__(self, kind, *_):
        try:
            if kind is None and self.count:
                dtype = np.uint16 if self.largest <= np.iinfo(np.uint16).max else np.uint32
                stored = np.lib.format.open_memmap(self.folder / "positions.npy", mode="w+", dtype=dtype,
                                                   shape=(self.count,))
                at = 0
                for run in self.runs:
                    size = run.stat().st_size // 4
                    if size:
                        raw = np.memmap(run, dtype=_SCRATCH["positions"][1], mode="r")
                        for start in range(0, size, self.CHUNK):
                            stored[at + start:at + min(start + self.CHUNK, size)] = raw[start:start + self.CHUNK]
                        del raw
                    at += size
                stored.flush()
                del stored
        finally:
            for run in self.runs:
                run.unlink(missing_ok=True)


def ensure_hot(generation: Path, reader, fields: list[str], min_docs: int = HOT_DOCS, parts: int = 1) -> int:
    """Write the hot postings of every segment of ``reader`` that has none (``parts`` processes for a large one);
    drop those of gone segments.

    Returns the number of segments written. ``HOT.update`` writes each into a temporary folder and
    renames it (``search.stores``), so a killed run leaves either nothing or a whole folder.
    """
    leaves = {segment: leaf for leaf, _ in reader.leaf_readers() if (segment := segment_id(leaf)) is not None}
    written = HOT.update(generation, leaves,
                         lambda folder, segment: write_segment(folder, leaves[segment], fields, min_docs, parts),
                         current=lambda folder: (folder / "terms.json").exists())
    return len(written)


def load_segment(folder: Path) -> HotPostings | None:
    """A segment's hot postings, memory-mapped, or None when absent or damaged."""
    try:
        terms = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
        placed = json.loads((folder / "positions.json").read_text(encoding="utf-8"))
        if not any(terms.values()):
            return HotPostings(terms, np.zeros(0, dtype=np.int32), np.zeros(0))
        ids = np.asarray(np.load(folder / "ids.npy", mmap_mode="r"))
        weights = np.asarray(np.load(folder / "weights.npy", mmap_mode="r"))
        places = keys = None
        if placed and (folder / "positions.npy").exists():
            places = np.asarray(np.load(folder / "positions.npy", mmap_mode="r"))
        elif placed:  # written before positions.npy
            keys = np.asarray(np.memmap(folder / "positions.bin", dtype="<i8", mode="r"))
    except (OSError, ValueError):
        return None
    stored = len(places if places is not None else keys) if placed else 0
    if len(ids) != len(weights) or _end(terms) > len(ids) or _end(placed) > stored or any(
            text not in terms.get(field, {}) for field, texts in placed.items() for text in texts):
        return None
    return HotPostings(terms, ids, weights, placed, places, keys)


def _end(table: dict[str, dict[str, list[int]]]) -> int:
    return max((end for entries in table.values() for _, end in entries.values()), default=0)


def open_hot(generation: Path, reader) -> list[HotPostings | None]:
    """Per leaf of ``reader`` (in order), its segment's hot postings or None."""
    return [load_segment(folder_for(generation, segment)) if (segment := segment_id(leaf)) else None
            for leaf, _ in reader.leaf_readers()]
