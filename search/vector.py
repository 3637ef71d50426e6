"""Search stage, vectorised: the compiled query evaluated over NumPy arrays, scored as Whoosh scores it.

Whoosh matches and scores one posting at a time in Python (a few microseconds
each), so a query touching most bulletins costs time in proportion to the
corpus. ``VectorSearcher`` reads a term's postings block by block into arrays
(document numbers and weights, kept in a bounded cache), reads each field's
lengths once, and evaluates the query tree with array operations:

* ``Term``: BM25 exactly as ``whoosh.scoring.BM25F`` computes it -
  ``idf * tf*(K1+1) / (tf + K1*((1-B) + B*fl/avgfl))`` with Whoosh's idf
  (``log(N/(df+1)) + 1``) and its one-byte field lengths - times the boost;
* ``Or`` and ``And``: the sum of the scores of the children that match;
* ``AndMaybe``: the required part plus the optional part where it matches;
* ``Not`` inside ``And``: removes documents and, as Whoosh's InverseMatcher
  does, adds its boost (1.0) to the score of the rest.

Other query types return None and the engine falls back to Whoosh. Tests
check that both paths give the same scores and the same order (ties broken by
ascending document number, as Whoosh's collector does).
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from whoosh import query as wq
from whoosh.util.numeric import byte_to_length

from .limits import Deadline

B, K1 = 0.75, 1.2
CACHE_POSTINGS = 8_000_000  # postings kept in memory across queries (about 100 MB)
_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class VectorSearcher:
    """Array evaluation of queries over one Whoosh searcher's documents."""

    def __init__(self, searcher, live: np.ndarray):
        self.searcher = searcher
        self.size = len(live)
        self.live = live
        self._deadline = Deadline(None)
        self.leaves = list(searcher.reader().leaf_readers())
        self.doc_count_all = searcher.doc_count_all()
        self._lengths: dict[str, np.ndarray] = {}
        self._postings: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._cached = 0

    # -- raw data ---------------------------------------------------------------------
    def lengths(self, field: str) -> np.ndarray:
        """Each document's field length as Whoosh's scorer sees it (one byte, decoded; 1 when none)."""
        found = self._lengths.get(field)
        if found is None:
            found = np.ones(self.size, dtype=np.float64)
            for reader, offset in self.leaves:
                for docnum in range(reader.doc_count_all()):
                    found[offset + docnum] = reader.doc_field_length(docnum, field, 1)
            self._lengths[field] = found
        return found

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, weights) of a term, deleted documents included (masked later)."""
        key = (field, text)
        found = self._postings.get(key)
        if found is not None:
            self._postings.move_to_end(key)
            return found
        ids, weights = [], []
        for reader, offset in self.leaves:
            if (field, text) not in reader:
                continue
            matcher = reader.postings(field, text)
            matcher = getattr(matcher, "child", matcher)  # the deleted-documents filter, if any
            _read_blocks(matcher, offset, ids, weights)
        found = (np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
                 np.concatenate(weights) if weights else np.zeros(0, dtype=np.float64))
        self._remember(key, found)
        return found

    def _remember(self, key, value) -> None:
        self._postings[key] = value
        self._cached += len(value[0])
        while self._cached > CACHE_POSTINGS and len(self._postings) > 1:
            _, (ids, _) = self._postings.popitem(last=False)
            self._cached -= len(ids)

    # -- evaluation ---------------------------------------------------------------------
    def evaluate(self, query, deadline: Deadline | None = None) -> tuple[np.ndarray, np.ndarray] | None:
        """(match mask, scores) for a query, or None when it has a part this path does not handle.

        ``deadline`` is checked before each term's posting list is read (``QueryTimeout``).
        """
        self._deadline = deadline or Deadline(None)
        try:
            mask, scores = self._node(query.normalize())
        except _Unsupported:
            return None
        return mask & self.live, scores

    def _node(self, node):
        if isinstance(node, wq.Term):
            return self._term(node)
        if isinstance(node, wq.AndMaybe):
            required, optional = self._node(node.a), self._node(node.b)
            return required[0], required[1] + np.where(optional[0], optional[1], 0.0)
        if isinstance(node, wq.NullQuery.__class__):
            return np.zeros(self.size, dtype=bool), np.zeros(self.size)
        if type(node) in (wq.And, wq.Or):
            return self._compound(node)
        raise _Unsupported(type(node).__name__)

    def _compound(self, node):
        positive = [c for c in node.subqueries if not isinstance(c, wq.Not)]
        negative = len(positive) < len(node.subqueries)
        if not positive or (negative and isinstance(node, wq.Or)):
            raise _Unsupported("negation outside And")
        parts = [self._node(c) for c in positive]
        if isinstance(node, wq.And):
            mask = np.logical_and.reduce([m for m, _ in parts])
        else:
            mask = np.logical_or.reduce([m for m, _ in parts])
        scores = np.zeros(self.size)
        for part_mask, part_scores in parts:
            scores += np.where(part_mask, part_scores, 0.0)
        for child in node.subqueries:
            if isinstance(child, wq.Not):
                mask &= ~self._node(child.query)[0]
                scores += child.boost  # Whoosh scores the documents an exclusion lets through at its boost
        return mask, scores * node.boost

    def _term(self, node):
        self._deadline.check()
        field, text = node.fieldname, node.text
        ids, weights = self.postings(field, text)
        mask = np.zeros(self.size, dtype=bool)
        scores = np.zeros(self.size)
        if len(ids):
            mask[ids] = True
            if self.searcher.schema[field].scorable:
                frequency = self.searcher.doc_frequency(field, text)
                idf = np.log(self.doc_count_all / (frequency + 1)) + 1
                average = self.searcher.avg_field_length(field) or 1
                lengths = self.lengths(field)[ids]
                scores[ids] = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / average)))
            else:
                scores[ids] = weights
        return mask, scores * node.boost


class _Unsupported(Exception):
    pass


def _read_blocks(matcher, offset: int, ids: list, weights: list) -> None:
    """Append every block of a leaf posting matcher as arrays (Whoosh 2.7's W3LeafMatcher)."""
    if not hasattr(matcher, "_read_ids"):
        raise _Unsupported(type(matcher).__name__)
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.append(np.asarray(matcher._ids, dtype=np.int64) + offset)
        weights.append(np.asarray(matcher._weights, dtype=np.float64))
        matcher._next_block()


def top(scores: np.ndarray, candidates: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best candidates by score, ties by ascending document number."""
    docs = np.flatnonzero(candidates)
    if not len(docs) or limit <= 0:
        return []
    values = scores[docs]
    if len(docs) > limit:
        cut = np.argpartition(-values, limit - 1)[:limit]
        threshold = values[cut].min()
        keep = values >= threshold  # every document tied with the last place, so ties order by docnum
        docs, values = docs[keep], values[keep]
    order = np.lexsort((docs, -values))[:limit]
    return [(int(docs[i]), float(values[i])) for i in order]
