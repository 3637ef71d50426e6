"""Scored posting lists as the array evaluator (``search.vector``) keeps them.

A term's list is (document numbers, scores), or ``Dense`` - arrays over every
document - when most documents hold the term. ``PostingsCache`` keeps scored
lists and phrase positions across queries, bounded by the postings it holds.
``Compact`` is a filtered query's view of its lists: restricted to the
documents whose scores the answer reads, each read once an evaluation.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from .lru import LRU

CACHE_POSTINGS = 2_000_000  # postings kept per index state and worker across queries (16 bytes each: 32 MB at most)
DENSE_BYTES = 9  # a dense list's bytes per document (a float64 score and a bool): kept so when no larger than its
# postings (16 bytes each), i.e. when the term is in at least 9/16 of the documents


@dataclass(frozen=True)
class Dense:
    """A scored list of a term most documents hold, kept as arrays over every document: its scores (0.0 where it
    is absent) and its documents as a mask. Summed with a dense add, which is 9x faster than a scatter-add of the
    same postings at 100,000 bulletins (0.023 against 0.20 ms for 98,000 postings), and the same floats: a
    document without the term adds 0.0. ``positive``: every score above 0."""

    mask: np.ndarray
    scores: np.ndarray
    positive: bool

    @classmethod
    def of(cls, size: int, ids: np.ndarray, scores: np.ndarray) -> Dense:
        mask, dense = dense_arrays(size, ids, scores)
        mask.flags.writeable = dense.flags.writeable = False  # shared by every query that reads the term
        return cls(mask, dense, bool(len(scores)) and bool(scores.min() > 0))

    def sparse(self) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, scores), as the list was read and scored."""
        ids = np.flatnonzero(self.mask)
        return ids, self.scores[ids]


class Compact:
    """A filtered query's evaluation over some documents alone (``VectorSearcher.run``): their numbers ``at``
    (sorted) among ``documents``, the lists of the query restricted to them (each read once an evaluation), and
    what the plan found over every document: the best match's matches, partial and complete matches (read over
    ``at`` by the evaluation's best match instead of made again from the restricted lists) and soft parts (label,
    mask)."""

    def __init__(self, at: np.ndarray, documents: int, mask: np.ndarray, partial: np.ndarray | None,
                 parts: list, complete: np.ndarray):
        self.at, self.documents = at, documents
        self.mask, self.partial, self.parts, self.complete = mask, partial, parts, complete
        self._lists: dict = {}
        self._places: np.ndarray | None = None
        self._member: np.ndarray | None = None

    def _place(self) -> tuple[np.ndarray, np.ndarray]:
        """(whether each document is among ``at``, each document's place among ``at``, -1 for the others), made on
        first need."""
        if self._places is None:
            self._member = np.zeros(self.documents, dtype=bool)
            self._member[self.at] = True
            self._places = np.full(self.documents, -1, dtype=np.int64)
            self._places[self.at] = np.arange(len(self.at))
        return self._member, self._places

    def _places_of(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(places among ``at`` of the documents of ``ids`` that are among it; which of ``ids`` they are). Which
        are found in a mask of a byte a document, an eighth of the places' bytes: a list's long gather reads
        less (at 100,000 bulletins, 33,000 postings, 45 against 58 us); only those inside read their places."""
        member, places = self._place()
        inside = member[ids]
        return places[ids[inside]], inside

    def masks(self) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
        """The best match's (matches, partial, complete) masks over ``at`` only."""
        partial = self.partial[self.at] if self.partial is not None else None
        return self.mask[self.at], partial, self.complete[self.at]

    def restrict_ids(self, ids: np.ndarray) -> np.ndarray:
        """Places of the documents of ``ids`` that are among ``at``."""
        return self._places_of(ids)[0]

    def restrict(self, key, found):
        """A scored list (``Dense`` or (ids, scores)) over ``at`` only, in the same form."""
        kept = self._lists.get(key)
        if kept is None:
            if isinstance(found, Dense):  # a list whose every score is above 0 holds the documents scored above 0:
                # their mask is made from the scores gathered, not gathered again (a cold gather is most of the cost)
                scores = found.scores[self.at]
                kept = Dense(scores > 0 if found.positive else found.mask[self.at], scores, found.positive)
                kept.mask.flags.writeable = kept.scores.flags.writeable = False  # read as the lists it stands for
            else:
                places, inside = self._places_of(found[0])
                kept = (places, found[1][inside])
            self._lists[key] = kept
        return kept

    def spread(self, values: np.ndarray) -> np.ndarray:
        """Values over ``at`` put in place over every document (zeros or False elsewhere)."""
        out = np.zeros(self.documents, dtype=values.dtype)
        out[self.at] = values
        return out


def _weight(value) -> int:
    """A cached value's weight in postings of 16 bytes: a list's postings, a dense list's bytes over 16."""
    return -(-len(value.mask) * DENSE_BYTES // 16) if isinstance(value, Dense) else len(value[0])


class PostingsCache:
    """Scored posting lists and phrase positions kept across queries, shared by threads, bounded by the postings
    they hold (16 bytes each at most), in two least-recently-used parts that share the limit: lists decoded from
    Whoosh's blocks (costly to read again; at most half the limit), and lists read from hot slices and positions
    (cheap to score again, and the longest of the index), which take whatever the decoded lists leave. One long
    query reads more hot postings than the cache holds (about 6 million at 100,000 bulletins): they evict each
    other, never the decoded lists; a decoded list evicts hot ones when the two would pass the limit.
    """

    def __init__(self, limit: int):
        self.limit = limit
        self.decoded = LRU(limit // 2, weigh=_weight)
        self.hot = LRU(limit, weigh=_weight)
        self._lock = threading.Lock()  # a put that resizes the hot part is one step

    def get(self, key, stamp=None):
        found = self.decoded.get(key, stamp)
        return found if found is not None else self.hot.get(key, stamp)

    def put(self, key, value, decoded: bool = False, stamp=None) -> None:
        """Kept unless that would drop what the same query (``stamp``) put or used (``LRU``)."""
        with self._lock:
            if decoded:
                self.decoded.put(key, value, stamp)
            self.hot.resize(self.limit - self.decoded.held)  # at 100,000 bulletins the decoded lists held 38,000
            # postings of their million after every query class, the hot ones a million, thrashing
            if not decoded:
                self.hot.put(key, value, stamp)

    @property
    def held(self) -> int:
        return self.decoded.held + self.hot.held

    def __len__(self) -> int:
        return len(self.decoded) + len(self.hot)


def postings_cache(limit: int = CACHE_POSTINGS) -> PostingsCache:
    """The cache of scored lists and positions an index state's searchers share (``PostingsCache``)."""
    return PostingsCache(limit)



def dense_arrays(size: int, ids: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(mask, scores) over ``size`` documents of a list's documents and values (False and 0.0 elsewhere)."""
    mask, scores = np.zeros(size, dtype=bool), np.zeros(size)
    mask[ids] = True
    scores[ids] = values
    return mask, scores
