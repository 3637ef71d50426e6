"""Index state: the served commit, opened once, reopened when it changes, read by many threads at once.

An ``IndexState`` is one Whoosh commit (generation folder + TOC number) with
what every request over it shares: the per-document arrays
(``search.arrays``, memory-mapped when the indexer wrote them), each segment's
hot postings (``search.hot``, mapped), a postings cache, the answers cache
and the did-you-mean vocabulary. Whoosh readers seek and read file objects
of their own, so each thread gets its own searcher over that same commit
(``searcher``/``vector``, opened on a thread's first request and kept);
nothing else is per thread: the BM25 norms of each field, too, are one array
that every thread's evaluator reads.

``ServedIndex.current`` looks at the disk at most every ``RECHECK_SECONDS``;
when the commit changed, one thread opens the new state while the others keep
answering from the old one (a state is closed when no request holds it any
longer). A state whose files were removed under it (an incremental commit
merged its segments away) raises ``StateGone``; the facade then retries on
a fresh state.
"""

from __future__ import annotations

import re
import threading
import time
import weakref
from pathlib import Path

from whoosh.index import TOC, FileIndex
from whoosh.searching import Searcher

from . import storage
from .arrays import open_arrays
from .hot import open_hot
from .lru import LRU
from .postings import CACHE_POSTINGS, postings_cache
from .relevance import DEFAULT, Relevance, Weighting
from .vector import VectorSearcher

RECHECK_SECONDS = 1.0
RESULT_CACHE = 256  # responses kept per index state; a new index state starts empty
SLIPS = 4096  # query syllables checked for a slip (search.ranking.closest) kept per index state
_TOC_FILE = re.compile(r"_MAIN_(\d+)\.toc$")


class StateGone(RuntimeError):
    """The commit this state reads has been replaced and its files removed."""


def result_cache(size: int) -> LRU:
    """Answers by request key, at most ``size`` of them (0: none), shared by threads."""
    return LRU(size)


class IndexState:
    """One commit of the served index and what requests over it share (module docstring)."""

    def __init__(self, generation: Path, toc: int, ix, cache_size: int = RESULT_CACHE,
                 cache_postings: int = CACHE_POSTINGS, relevance: Relevance = DEFAULT):
        self.generation, self.toc, self.ix = generation, toc, ix
        self.relevance = relevance
        self._toc = TOC.read(ix.storage, ix.indexname, gen=toc)
        self._open: list = []  # every thread's searcher, closed when the state is dropped
        self._opening = threading.Lock()
        self._local = threading.local()
        weakref.finalize(self, _close_all, self._open)
        first = self.searcher  # opens this thread's searcher and checks the files are there
        self.arrays = open_arrays(generation, toc, first.reader(), self._toc.schema)
        self.table = self.arrays.table
        self.hot = open_hot(generation, first.reader())  # per leaf: its segment's long posting lists, mapped
        self.postings = postings_cache(cache_postings)
        self.norms: dict = {}  # BM25's length normalisation per field, shared by the threads' evaluators
        self.results = result_cache(cache_size)
        self.slips = LRU(SLIPS)  # a query syllable and its neighbours -> the known syllable it slipped from, or ""
        self.vocabulary = None  # built on the first did-you-mean (search.suggest)
        self.vocabulary_lock = threading.Lock()

    @property
    def searcher(self) -> Searcher:
        """This thread's Whoosh searcher over the state's commit."""
        found = getattr(self._local, "searcher", None)
        if found is None:
            try:
                reader = FileIndex._reader(self.ix.storage, self._toc.schema, self._toc.segments, self.toc)
            except OSError as error:
                raise StateGone(str(error)) from error
            found = Searcher(reader, weighting=Weighting(self.relevance), fromindex=self.ix)
            with self._opening:
                self._open.append(found)
            self._local.searcher = found
        return found

    @property
    def vector(self) -> VectorSearcher:
        """This thread's array evaluator (its own searcher; arrays and postings cache shared)."""
        found = getattr(self._local, "vector", None)
        if found is None or found.searcher is not self.searcher:
            found = VectorSearcher(self.searcher, self.table.live, self.arrays.lengths, self.postings,
                                   self.hot, self.relevance, norms=self.norms)
            self._local.vector = found
        return found

    def close(self) -> None:
        with self._opening:
            _close_all(self._open)
        self._local = threading.local()


class ServedIndex:
    """The current ``IndexState`` of the index at ``root`` (module docstring)."""

    def __init__(self, root: Path, cache_size: int = RESULT_CACHE, relevance: Relevance = DEFAULT):
        self.root = Path(root)
        self.cache_size = cache_size
        self.relevance = relevance
        self.state: IndexState | None = None
        self.checked = 0.0
        self._lock = threading.Lock()

    def current(self) -> IndexState:
        """The state to answer from; raises ``storage.IndexMissing`` when there is no index."""
        state = self.state
        if state is not None and time.monotonic() - self.checked < RECHECK_SECONDS:
            return state
        if state is not None and not self._lock.acquire(blocking=False):
            return state  # another thread is looking at the disk: the old state still answers
        if state is None:
            self._lock.acquire()
        try:
            return self._refresh()
        finally:
            self._lock.release()

    def _refresh(self) -> IndexState:
        generation = storage.current_generation(self.root)
        if generation is None:
            raise storage.IndexMissing(self.root)
        state = self.state
        if state is None or state.generation != generation or state.toc != latest_toc(generation):
            ix = storage.open_current(self.root)
            self.state = IndexState(generation, ix.latest_generation(), ix, self.cache_size,
                                    relevance=self.relevance)
        self.checked = time.monotonic()
        return self.state

    def forget(self, state: IndexState | None = None) -> None:
        """Drop the state (or only ``state`` if it is still the current one); the next request reopens."""
        with self._lock:
            if state is None or self.state is state:
                dropped, self.state, self.checked = self.state, None, 0.0
                if dropped is not None and state is None:
                    dropped.close()


def latest_toc(generation: Path) -> int:
    """The newest Whoosh commit number in a generation folder, read from the file names."""
    numbers = [int(m.group(1)) for m in map(_TOC_FILE.search, _names(generation)) if m]
    return max(numbers, default=-1)


def _names(folder: Path) -> list[str]:
    try:
        return [p.name for p in Path(folder).iterdir()]
    except OSError:
        return []


def _close_all(searchers: list) -> None:
    while searchers:
        searchers.pop().close()
