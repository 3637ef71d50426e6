"""Stage 4: bulletins into a Whoosh index on disk, incrementally or in full.

``build_index`` holds an exclusive lock on the index folder (a second writer
waits or stops with a clear message; the kernel drops the lock when a process
dies, so no stale lock survives a crash). It streams the corpus, compares each
record's content digest with the one stored in the index, and sends only added
and changed records to worker processes, which clean, extract metadata and
segment the text with pyvi. The parent primes the analyzer's segmentation
cache with their results and writes the documents.

Incremental runs commit into the served generation through Whoosh; ``full``
runs (and runs whose index has another schema version) write a new generation
and swap it in atomically (``search.storage``). A full run whose served
generation has the same schema starts from a copy of it and rewrites what
differs - every bulletin whose content or extraction rules changed (the digest
covers both). Whoosh keeps deleted documents counted in its statistics until
their segment is rewritten, and its merge of small segments sums one-byte
approximations of the field lengths, so a full run then compacts the
generation (``indexer.compaction``: one segment, no deletions, documents in
corpus order) whenever it holds deletions, documents out of order or a segment
whose length totals are not exact (each generation's build record lists the
segments that are: ``exact_segments``); its scores and ranking then equal a
build from scratch. A full run over an unchanged corpus whose served
generation already is what a build from scratch gives writes nothing but that
record: no new generation, no swap. ``scratch`` forces the build from nothing.
Incremental runs do not compact (it would rewrite every segment): until the
next full run, replaced and removed bulletins still count in N, document
frequencies and average field lengths.
"""

from __future__ import annotations

import datetime
import fcntl
import multiprocessing
import os
import shutil
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from whoosh import index as whoosh_index

from search import storage
from search.analysis import prime_segmentation, segment
from search.arrays import ensure_arrays, scored_fields
from search.hot import ensure_hot
from search.schema import SCHEMA_VERSION, build_schema, document_fields

from .compaction import compact, exact_after, needs_compaction, segment_ids
from .metadata import extract_metadata
from .reader import DEFAULT_MAX_BYTES, pipeline_fingerprint, read_corpus
from .records import Bulletin, Skipped, SourceRecord
from .writing import segment_writer, without_cycle_collection

BATCH = 256  # records handed to the workers at a time (bounds memory)
EXACT = "exact_segments"  # build record: the segments whose field-length totals are exact (compaction)
WRITER_MB = 256
# Segments are written as separate files, not one compound file: Whoosh copies a compound file's parts
# into memory each time it opens them (300 -> 136 MB per serving process at 10,000 bulletins, and most of
# the time of an incremental run at 100,000), while separate files are read through the page cache.


class IndexBusy(RuntimeError):
    """Another process is writing this index."""


@dataclass
class BuildReport:
    """What one run of the indexer did."""

    index: str
    full: bool
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    converted: list[tuple[str, str]] = field(default_factory=list)  # (origin, legacy encoding) read this run
    total: int = 0
    elapsed: float = 0.0

    def summary(self) -> dict:
        return {
            "index": self.index, "full": self.full, "added": len(self.added),
            "updated": len(self.updated), "removed": len(self.removed), "unchanged": self.unchanged,
            "skipped": len(self.skipped), "total": self.total, "elapsed_seconds": round(self.elapsed, 2),
        }


@contextmanager
def index_lock(root: Path, wait: bool = False):
    """Hold the index folder's writer lock for the duration of the block."""
    root.mkdir(parents=True, exist_ok=True)
    handle = open(root / ".lock", "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise IndexBusy(f"Another 'cchc index' ({holder}) is writing {root}. "
                            "Wait for it to finish, or pass --wait to queue behind it.") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()


def process_record(record: SourceRecord) -> tuple[Bulletin | Skipped, dict]:
    """Worker: clean, extract and segment one record (never raises)."""
    try:
        result = extract_metadata(record)
        if isinstance(result, Skipped):
            return result, {}
        return result, {text: segment(text) for text in (result.title, result.text, result.aside) if text}
    except Exception as error:  # one broken record must not stop the run
        return Skipped(record.origin, f"extraction failed: {type(error).__name__}: {error}"), {}


def _compatible(generation: Path | None) -> bool:
    return generation is not None and storage.read_build_info(generation).get("schema_version") == SCHEMA_VERSION


def _existing_digests(generation: Path) -> dict[str, str]:
    """id -> content digest of every document of a generation."""
    with whoosh_index.open_dir(str(generation)).reader() as reader:
        if not reader.doc_count_all():  # every file was skipped: an empty index has no columns to read
            return {}
        ids, digests = reader.column_reader("id"), reader.column_reader("digest")
        return {ids[n]: digests[n] for n in reader.all_doc_ids()}


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _pool(jobs: int):
    if jobs <= 1:
        return None
    segment("Khởi động bộ tách từ.")  # load pyvi once; forked workers share it
    return multiprocessing.get_context("fork").Pool(jobs, initializer=_die_with_parent, initargs=(os.getpid(),))


def _die_with_parent(parent: int) -> None:
    """Worker start: end when the indexing process ends, even by ``kill -9``.

    Forked workers share the parent's open files, the writer locks among them;
    an orphaned worker would keep those locks held for ever.
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown still ends workers
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _processed(pool, records: list[SourceRecord]) -> Iterator[tuple[Bulletin | Skipped, dict]]:
    if pool is None:
        return map(process_record, records)
    return pool.imap(process_record, records, chunksize=4)


def _changed_records(corpus: Path, root: Path, existing: dict[str, str], report: BuildReport,
                     max_bytes: int, seen: dict[str, None]) -> Iterator[SourceRecord]:
    for item in read_corpus(corpus, max_bytes=max_bytes, exclude=root, known=existing):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        seen[item.id] = None
        if existing.get(item.id) == item.digest:
            report.unchanged += 1
        else:
            yield item


def _write(writer, corpus: Path, root: Path, existing: dict[str, str], report: BuildReport, jobs: int,
           max_bytes: int, progress: Callable[[int], None] | None) -> list[str]:
    """Write what changed; the ids read from the corpus, in its order."""
    seen: dict[str, None] = {}
    pool = _pool(jobs)
    docnums = _Docnums(writer)
    try:
        records = _changed_records(corpus, root, existing, report, max_bytes, seen)
        for batch in _batches(records, BATCH):
            for result, segments in _processed(pool, batch):
                _store(writer, docnums, result, segments, existing, report)
                if progress:
                    progress(1)
    finally:
        if pool is not None:
            pool.terminate()
    for doc_id in sorted(set(existing) - seen.keys()):
        docnums.delete(doc_id)
        report.removed.append(doc_id)
    return list(seen)


class _Docnums:
    """The writer's existing documents by id, read once (Whoosh's update_document and delete_by_term
    open a new reader of every segment per call: about 0.2 s each at 100,000 bulletins)."""

    def __init__(self, writer):
        self.writer = writer
        self.by_id: dict[str, int] | None = None

    def delete(self, doc_id: str) -> None:
        if self.by_id is None:
            with self.writer.reader() as reader:
                ids = reader.column_reader("id")
                self.by_id = {ids[n]: n for n in reader.all_doc_ids()}
        docnum = self.by_id.pop(doc_id, None)
        if docnum is not None:
            self.writer.delete_document(docnum)


def _store(writer, docnums: _Docnums, result, segments: dict, existing: dict, report: BuildReport) -> None:
    if isinstance(result, Skipped):
        report.skipped.append(result)
        return
    for text, words in segments.items():
        prime_segmentation(text, words)
    report.warnings.extend((result.origin, w) for w in result.warnings)
    if result.converted_from:
        report.converted.append((result.origin, result.converted_from))
    if result.id in existing:
        docnums.delete(result.id)
        report.updated.append(result.id)
    else:
        report.added.append(result.id)
    writer.add_document(**document_fields(result.to_dict()))


def _exact(generation: Path) -> set[str]:
    """The segments of a generation recorded with exact length totals (none when not recorded)."""
    return set(storage.read_build_info(generation).get(EXACT, []))


def _open(root: Path, full: bool, scratch: bool):
    """(generation to write, its index, digests already in it, whether this is a full build,
    its segments with exact length totals)."""
    served = storage.current_generation(root)
    if not full and _compatible(served):
        return served, whoosh_index.open_dir(str(served)), _existing_digests(served), False, _exact(served)
    generation = storage.new_generation(root)
    if _compatible(served) and not scratch:
        for path in served.iterdir():
            if path.is_file() and path.name != storage.BUILD_INFO and not path.name.endswith(".lock"):
                shutil.copy2(path, generation / path.name)
        ix = whoosh_index.open_dir(str(generation))
        return generation, ix, _existing_digests(generation), True, _exact(served)
    return generation, whoosh_index.create_in(str(generation), build_schema()), {}, True, set()


def _unchanged_full(corpus: Path, root: Path, max_bytes: int) -> BuildReport | None:
    """The report of a full run with nothing to do, or None when it has something to do.

    Nothing to do: the served generation holds every bulletin of the corpus as this pipeline extracts
    it, and is what a build from scratch gives (no deletions, corpus order, exact length totals).
    """
    served = storage.current_generation(root)
    if not _compatible(served):
        return None
    ix, exact = whoosh_index.open_dir(str(served)), _exact(served)
    if not segment_ids(ix) <= exact:
        return None  # it will be compacted: no need to read the corpus first
    existing = _existing_digests(served)
    report, seen = BuildReport(index=str(root), full=True), {}
    for _ in _changed_records(corpus, root, existing, report, max_bytes, seen):
        return None  # an added or changed bulletin
    if set(existing) - seen.keys() or needs_compaction(ix, list(seen), exact):
        return None
    report.total = len(existing)
    return report


def build_index(corpus: Path, root: Path, full: bool = False, jobs: int | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, wait: bool = False,
                progress: Callable[[int], None] | None = None, scratch: bool = False) -> BuildReport:
    """Bring the index at ``root`` up to date with the corpus folder ``corpus``."""
    corpus, root = Path(corpus), Path(root)
    if not corpus.is_dir():
        raise FileNotFoundError(f"Corpus folder not found: {corpus}")
    started = time.monotonic()
    jobs = jobs or os.cpu_count() or 1
    with index_lock(root, wait=wait):
        if full and not scratch and (report := _unchanged_full(corpus, root, max_bytes)) is not None:
            report.elapsed = time.monotonic() - started
            served = storage.current_generation(root)
            _record(served, corpus, report, _exact(served), rebuilt=False)
            return report
        generation, ix, existing, full, exact = _open(root, full or scratch, scratch)
        report = BuildReport(index=str(root), full=full)
        before = segment_ids(ix)
        writer = segment_writer(ix, WRITER_MB, parts=jobs)  # separate files: see WRITER_MB
        with without_cycle_collection():  # forked workers inherit it: extraction makes next to no cycles
            try:
                order = _write(writer, corpus, root, existing, report, jobs, max_bytes, progress)
            except BaseException:
                writer.cancel()
                raise
            exact = _commit(ix, writer, report, order, exact, before, jobs)
        with ix.searcher() as searcher:
            report.total = searcher.doc_count()
        ensure_arrays(generation, ix)  # issue 12: per-document arrays the serving processes memory-map
        with ix.reader() as reader:  # and each new segment's long posting lists (search.hot)
            ensure_hot(generation, reader, scored_fields(ix.schema), parts=jobs)
        report.elapsed = time.monotonic() - started
        _record(generation, corpus, report, exact)
        if report.full:
            storage.publish(root, generation)
            storage.prune(root)
    return report


def _commit(ix, writer, report: BuildReport, order: list[str], exact: set[str], before: set[str],
            jobs: int) -> set[str]:
    """Commit what the run wrote (``jobs`` processes write the segment's postings), then compact a full
    run's generation unless it already is what a build from scratch gives; the segments with exact length
    totals afterwards."""
    if report.added or report.updated or report.removed or report.full:
        writer.commit()  # Whoosh may merge small segments into the one it writes
    else:
        writer.cancel()
    exact = exact_after(exact, before, segment_ids(ix))
    if report.full and needs_compaction(ix, order, exact):
        compact(ix, order, limitmb=WRITER_MB, parts=jobs)
        exact = segment_ids(ix)
    return exact


def _record(generation: Path, corpus: Path, report: BuildReport, exact: set[str], rebuilt: bool = True) -> None:
    previous = storage.read_build_info(generation)
    now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    changed = report.added or report.updated or report.removed or (report.full and rebuilt)
    storage.write_build_info(generation, {
        "schema_version": SCHEMA_VERSION,
        "pipeline": pipeline_fingerprint(),
        "corpus": str(corpus.resolve()),
        "built_at": now if changed else previous.get("built_at", now),
        "checked_at": now,
        "documents": report.total,
        "last_run": report.summary(),
        EXACT: sorted(exact),
    })
