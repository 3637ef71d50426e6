"""Search stage, vectorised: the compiled query evaluated over NumPy arrays, scored as Whoosh scores it.

Whoosh matches and scores one posting at a time in Python (a few microseconds
each), so a query touching most bulletins costs time in proportion to the
corpus. ``VectorSearcher`` reads a term's postings into arrays - a segment's
long lists as slices of its memory-mapped hot postings (``search.hot``), the
rest decoded block by block - scores them (kept in a bounded cache, where the
long hot lists of one query cannot evict the decoded ones), reads each field's
lengths once, and evaluates the query tree with array operations:

* ``Term``: BM25 as ``whoosh.scoring.BM25F`` computes it -
  ``idf * tf*(k1+1) / (tf + k1*((1-b) + b*fl/avgfl))`` with the smoothed idf
  ``log((N+1)/(df+1)) + idf_floor`` (``search.relevance.idf``; Whoosh's searcher is given the same model)
  and Whoosh's one-byte field lengths - times the boost;
  ``k1`` and ``b`` and every other knob come from the ``search.relevance.Relevance``
  the searcher was given, the formulas from that module;
* ``Or`` and ``And``: the sum of the scores of the children that match;
* ``AndMaybe``: the required part plus the optional part where it matches;
* ``Not``: the documents its query does not match, each scored its boost (1.0),
  as Whoosh's InverseMatcher scores them - so inside ``And`` it removes
  documents, inside ``Or`` it adds them; ``Every``: every document, scored 0;
* ``clauses.Lift``: its query's scores times ``1 + factor`` per lift matched;
* ``clauses.Sequence``: the pairs' own scores where they stand at consecutive
  positions (positions decoded a block at a time from ``PackedPositions``);
* ``clauses.BestMatch``: documents whose matched soft parts carry at least
  ``min_share`` of the parts' idf weight, scored by the parts they match, with
  documents matching every soft part lifted (``Relevance.complete_lift``; ``run``
  also returns which soft parts each document lacks, and the documents left
  out for holding too small a share, which a short answer is widened with).

These are every node the compiler builds, so every query shape is evaluated
here, with one set of semantics; another node type is a ``TypeError`` (a bug,
not a query to hand to another evaluator). Tests check that Whoosh's own
matchers give the same scores and the same order for the node types they share
(ties broken by ascending document number, as Whoosh's collector does).

``run(..., explain=True)`` also keeps each node's arrays as a ``Trace`` tree,
from which ``search.explain`` reads how one document's score was made
(Elasticsearch's ``explain``): the value of every node that contributed, down to
each term. The lists, their cache and a filtered query's restricted view of them
(``Compact``: ``run(..., within=...)``) are ``search.postings``'.
"""

from __future__ import annotations

import copy
import itertools
import weakref

import numpy as np
from whoosh import query as wq

from .arrays import field_lengths
from .clauses import BestMatch, Lift, Sequence
from .explain import Trace, describe
from .hot import HotPostings, leaf_positions, leaf_postings
from .limits import Deadline
from .lru import LRU
from .postings import DENSE_BYTES, Compact, Dense, dense_arrays, postings_cache
from .relevance import DEFAULT, Relevance, bm25_into, complete_lift, idf, length_norm

_SERIALS = itertools.count(1)  # evaluations' serial numbers, the stamps of what they cache (``LRU``)
COMPACT_SHARE = 0.25  # a filtered query of words is scored over its documents alone when they are at most this share
# of the index (``VectorSearcher.run``)


def _holds_best(node) -> bool:
    """Whether a query tree holds a best match (whose lift needs its own partial matches over every document)."""
    if node is None:
        return False
    if isinstance(node, BestMatch):
        return True
    if isinstance(node, Lift):
        return _holds_best(node.query) or any(_holds_best(lift) for lift in node.lifts)
    if isinstance(node, wq.AndMaybe):
        return _holds_best(node.a) or _holds_best(node.b)
    if isinstance(node, wq.Not):
        return _holds_best(node.query)
    return any(_holds_best(child) for child in getattr(node, "subqueries", ()) or ())


class VectorSearcher:
    """Array evaluation of queries over one Whoosh searcher's documents (one thread at a time).

    ``lengths`` (scored field -> length per document, see ``search.arrays``), ``norms`` (BM25's length
    normalisation per document, filled on first use) and ``cache`` may be shared by the searchers of several
    threads over the same index state: one array per field, not one per thread.
    """

    _want_loose = False  # ``run(loose=True)``: also the documents holding a syllable of the words

    def __init__(self, searcher, live: np.ndarray, lengths: dict | None = None, cache: LRU | None = None,
                 hot: list[HotPostings | None] | None = None, relevance: Relevance = DEFAULT,
                 norms: dict | None = None):
        self.searcher = searcher
        self.relevance = relevance
        self.size = self.documents = len(live)  # the arrays' size (the documents evaluated), every document's
        self.live = live
        self._view: Compact | None = None  # when evaluating over a filter's documents alone (``run``)
        self._deadline = Deadline(None)
        self.leaves = list(searcher.reader().leaf_readers())
        self.doc_count_all = searcher.doc_count_all()
        self.live_count = int(np.count_nonzero(live))  # the share's idf counts live documents, so N does too
        self._lengths: dict[str, np.ndarray] = lengths if lengths is not None else {}
        self._postings = cache if cache is not None else postings_cache()
        self._averages: dict[str, float] = {}
        self._norms: dict[tuple[str, float, float], np.ndarray] = norms if norms is not None else {}
        self._hot = hot if hot is not None else [None] * len(self.leaves)  # per leaf (``search.hot``)
        self._stamp = None  # the serial of this searcher's latest evaluation (``run``), None before the first
        self._kept: dict | None = None  # what the running evaluation (``run``) read, None outside one (``_keep``)
        self._clean: dict[int, weakref.ref] = {}  # the running evaluation's score arrays that are 0.0 wherever their
        # node does not match (``_clean_scores``)

    # -- raw data ---------------------------------------------------------------------
    def lengths(self, field: str) -> np.ndarray:
        """Each document's field length as Whoosh's scorer sees it (one byte, decoded; 1 when none)."""
        found = self._lengths.get(field)
        if found is None:
            found = field_lengths(self.searcher.reader(), field)
            self._lengths[field] = found
        return found

    def _norm(self, field: str) -> np.ndarray:
        """BM25's length normalisation per document (``relevance.length_norm``), computed once per field
        and kept in ``norms``, which threads may share (two computing it at once keep the first array)."""
        key = (field, self.relevance.k1, self.relevance.b)
        found = self._norms.get(key)
        if found is None:
            found = self._norms.setdefault(key, length_norm(self.lengths(field), self._average(field),
                                                            self.relevance.k1, self.relevance.b))
        return found

    def _average(self, field: str) -> float:
        found = self._averages.get(field)
        if found is None:
            found = self._averages[field] = self.searcher.avg_field_length(field) or 1
        return found

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, weights) of a term from every segment, deleted documents included (masked later).

        A segment's long lists are slices of its hot postings (``search.hot``); the others are decoded.
        """
        return self._read(field, text)[:2]

    def _read(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray, bool]:
        """``postings``, and whether any segment's list was decoded from Whoosh's blocks (not a hot slice)."""
        ids, weights, decoded = [], [], False
        for (reader, offset), hot in zip(self.leaves, self._hot, strict=True):
            found = hot.get(field, text) if hot is not None else None
            if found is not None:  # int32 in the map: NumPy converts int32 numbers on every fancy index (a gather
                # or scatter 2-3x slower than with int64), so they are widened once, here, and cached so
                term_ids = found[0].astype(np.int64)
                if offset:
                    term_ids += offset
                ids.append(term_ids)
                weights.append(found[1])
            elif (field, text) in reader:
                found = leaf_postings(reader, field, text, offset)
                ids.append(found[0])
                weights.append(found[1])
                decoded = True
        if len(ids) == 1:  # one segment's list: no concatenation
            return ids[0], weights[0].astype(np.float64, copy=False), decoded
        return (np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
                np.concatenate(weights, dtype=np.float64) if weights else np.zeros(0, dtype=np.float64), decoded)

    def positions(self, field: str, text: str) -> np.ndarray:
        """Sorted keys ``docnum << 32 | position`` of a term of a positions field (``PackedPositions``).

        A segment's long lists are built from its hot postings (``HotPostings.positions``), the rest decoded.
        """
        key = (field, text, "positions")
        found = self._recall(key)
        if found is not None:
            return found[0]
        keys = []
        for (reader, offset), hot in zip(self.leaves, self._hot, strict=True):
            mapped = hot.positions(field, text, offset) if hot is not None else None
            if mapped is not None:
                keys.append(mapped)
            elif (field, text) in reader:
                keys.append(leaf_positions(reader, field, text, offset))
        found = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
        self._keep(key, (found, found))
        return found

    # -- evaluation ---------------------------------------------------------------------
    def evaluate(self, query, deadline: Deadline | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(match mask, scores) for a query.

        ``deadline`` is checked before each term's posting list is read (``QueryTimeout``).
        """
        return self.run(query, deadline)[:2]

    def run(self, query, deadline: Deadline | None = None, explain: bool = False, loose: bool = False,
            within: np.ndarray | None = None):
        """(match mask, scores, soft parts, trace, partial, loose); soft parts: (label, mask) of a best match at
        the root; trace: the root ``Trace`` when ``explain``, else None; partial: the documents a best match at
        the root leaves out for holding too small a share of its words (scored; None when there is none); loose,
        when asked: (documents holding a syllable of its words but no whole word, their syllables' scores), else
        None.

        ``within`` (a filter's documents): the caller reads scores, partial and loose documents only there, so
        a query of words is scored over those documents alone when they are few (``Compact``); the masks and
        every score read stay what the whole evaluation gives."""
        self._deadline = deadline or Deadline(None)
        self._stamp = next(_SERIALS)  # what this evaluation puts in the postings cache or uses from it
        self._parts, self._partial, self._loose = [], None, None
        self._want_loose = loose
        self._trace = [] if explain else None
        self._kept, self._clean = {}, {}
        node = query.normalize()
        try:
            plan = self._plan(node, within) if within is not None and not explain else None
            if plan is not None:
                return self._run_compact(node, plan)
            mask, scores = self._node(node, root=True)
        finally:
            self._kept, self._clean = None, {}
        trace = self._trace[0] if explain else None
        self._trace = None
        partial = self._partial & self.live if self._partial is not None else None
        found = None if self._loose is None else (self._loose[0] & self.live, self._loose[1])
        return mask & self.live, scores, self._parts, trace, partial, found

    # -- evaluation over a filter's documents ------------------------------------------
    def _plan(self, node, within: np.ndarray) -> Compact | None:
        """The compact evaluation of a query of words (lifts around one best match) over ``within``: the
        best match's masks over every document, from the postings alone (``matches``), and the documents
        whose scores the answer reads - those of ``within``, and the partial matches over every document,
        whose best score lifts the complete ones (``complete_lift``). None for another query shape, or when
        those documents are more than ``COMPACT_SHARE`` of the index (the whole evaluation is then as fast)."""
        best = node
        while isinstance(best, Lift):
            if any(_holds_best(lift) for lift in best.lifts):
                return None
            best = best.query
        if not isinstance(best, BestMatch) or any(_holds_best(c) for c in [*best.children(), *best.whole]):
            return None
        required = [self.matches(c) for c in best.required if not isinstance(c, wq.Not)]
        soft = [self.matches(c) for c in best.soft]
        counts = [int(np.count_nonzero(m & self.live)) for m in soft]
        mask, partial, complete = self._best_masks(best, required, soft, counts)
        at = np.flatnonzero(within | (mask & ~complete & self.live))
        if len(at) > COMPACT_SHARE * self.size:
            return None
        return Compact(at, self.size, mask, partial, [(label, m) for label, m in zip(best.labels, soft, strict=True)],
                       complete)

    def _run_compact(self, node, plan: Compact):
        """``run`` over the plan's documents: this searcher's evaluation on arrays of those documents alone, its
        lists restricted to them (``_list``), each document's score the same floats as over every document
        (the same parts added in the same order; the best match's masks, share and lift those its plan made over
        every document: ``Compact.masks``), then put back in place."""
        inner = copy.copy(self)
        inner.size, inner.live, inner._view, inner._clean = len(plan.at), self.live[plan.at], plan, {}
        _, scores = inner._node(node, root=True)
        loose = None
        if inner._loose is not None:
            loose = (plan.spread(inner._loose[0]) & self.live, plan.spread(inner._loose[1]))
        partial = plan.partial & self.live if plan.partial is not None else None
        return plan.mask & self.live, plan.spread(scores), plan.parts, None, partial, loose

    def _node(self, node, root=False):
        if self._trace is None:
            return self._evaluate(node, root)
        parent, self._trace = self._trace, []
        mask, scores = self._evaluate(node, root)
        parent.append(Trace(describe(node), mask, scores, self._trace, getattr(node, "boost", 1.0)))
        self._trace = parent
        return mask, scores

    def _untraced(self, node) -> np.ndarray:
        """Which documents a node matches, to decide a match, not to score it: kept out of the explanation."""
        kept, self._trace = self._trace, None
        try:
            return self.matches(node)
        finally:
            self._trace = kept

    def matches(self, node) -> np.ndarray:
        """The match mask ``_evaluate`` gives a node (deleted documents included), without scoring it.

        Terms and their ``And``, ``Or`` and ``Not`` take their documents from the postings alone: no BM25 is
        computed and no score array made (a best match's stricter forms are such trees over the longest lists
        of the index, the pairs fields'). Other nodes are evaluated.
        """
        if isinstance(node, wq.Term):
            self._deadline.check()
            ids = self._ids(node.fieldname, node.text)
            if isinstance(ids, Dense):
                return ids.mask  # read-only (``Dense.of``): every caller makes its own array from it
            mask = np.zeros(self.size, dtype=bool)
            mask[ids] = True
            return mask
        if type(node) in (wq.And, wq.Or):
            if not node.subqueries:
                return np.zeros(self.size, dtype=bool)
            combine = np.logical_and if isinstance(node, wq.And) else np.logical_or
            return _combined(combine, [self.matches(c) for c in node.subqueries])
        if isinstance(node, wq.Not):
            return ~self.matches(node.query)
        return self._evaluate(node)[0]

    def _ids(self, field: str, text: str) -> np.ndarray | Dense:
        """A term's document numbers: those of its cached scored postings (its ``Dense`` list when so kept), else
        read; a list decoded from Whoosh's blocks is scored and cached as ``scored`` does (read again, it would
        be decoded again)."""
        found = self._recall((field, text))
        if found is None:
            ids, weights, decoded = self._read(field, text)
            if not decoded:
                return ids if self._view is None else self._view.restrict_ids(ids)
            found = self._scored(field, text, ids, weights, decoded)
        if self._view is not None:
            found = self._view.restrict((field, text), found)
        return found if isinstance(found, Dense) else found[0]

    def _evaluate(self, node, root=False):
        if isinstance(node, wq.Term):
            return self._term(node)
        if isinstance(node, BestMatch):
            return self._best(node, root)
        if isinstance(node, Sequence):
            return self._sequence(node)
        if isinstance(node, Lift):  # scores times 1 + factor per lift matched (which documents a lift matches,
            # not its scores: ``matches``)
            mask, scores = self._node(node.query, root)
            lifted = [self._untraced(lift) for lift in node.lifts]
            times = np.where(lifted[0], 1.0 + node.factor, 1.0) if len(lifted) == 1 \
                else 1.0 + node.factor * np.sum(lifted, axis=0)  # one lift: its two values chosen, the same floats
            return mask, _boosted(scores * times, node.boost)
        if isinstance(node, wq.AndMaybe):
            required, optional = self._node(node.a, root), self._node(node.b)  # a lift keeps the best match root
            return required[0], required[1] + np.where(optional[0], optional[1], 0.0)
        if isinstance(node, wq.NullQuery.__class__):
            return np.zeros(self.size, dtype=bool), np.zeros(self.size)
        if isinstance(node, wq.Every):
            return np.ones(self.size, dtype=bool), np.zeros(self.size)
        if isinstance(node, wq.Not):  # Whoosh's InverseMatcher: the rest, each scored the boost
            inverse = ~self._node(node.query)[0]
            return inverse, np.where(inverse, node.boost, 0.0)
        if type(node) in (wq.And, wq.Or):
            return self._compound(node)
        raise TypeError(f"no array evaluation for {type(node).__name__}")

    def _compound(self, node):
        if isinstance(node, wq.Or) and node.subqueries and all(type(c) is wq.Term for c in node.subqueries):
            return self._terms(node.subqueries, node.boost)
        parts = [self._node(c) for c in node.subqueries]
        if not parts:
            return np.zeros(self.size, dtype=bool), np.zeros(self.size)
        combine = np.logical_and if isinstance(node, wq.And) else np.logical_or
        mask = _combined(combine, [m for m, _ in parts])
        return mask, _boosted(_sum_scores(parts, self.size, self._is_clean), node.boost)

    def _terms(self, terms: list, boost: float):
        """An ``Or`` of terms summed into one array: each term's scores added where its documents are (a term's
        documents are distinct), instead of a dense array per term, 2.6x faster than one ``bincount`` of the lists
        put end to end, which had to copy them first; a term kept ``Dense`` (in most documents) by a dense add.

        Each document's sum is taken in the children's order, as ``_sum_scores`` takes it: the same floats.
        When every score is positive, the matching documents are those whose sum is (a comparison instead of
        a scatter of every posting into the mask: 13 against 262 us for 270,000 postings).
        """
        lists, positive = [], True
        for term in terms:
            self._deadline.check()
            found = self._list(term.fieldname, term.text)
            if isinstance(found, Dense):
                scores = found.scores * term.boost if term.boost != 1 else found.scores
                positive = positive and found.positive and term.boost > 0
            else:
                scores = found[1] * term.boost if term.boost != 1 else found[1]
                positive = positive and (not len(scores) or bool(scores.min() > 0))
            lists.append((found, scores))
            if self._trace is not None:
                self._trace.append(Trace(describe(term), *(
                    (found.mask.copy(), scores.copy()) if isinstance(found, Dense)
                    else dense_arrays(self.size, found[0], scores))))
        total = None  # the first dense list is the sum so far as it is (0.0 + x is x): no zeros to add it to
        for found, scores in lists:
            if isinstance(found, Dense):
                if total is None:
                    total = scores.copy() if scores is found.scores else scores
                else:
                    total += scores
            else:
                if total is None:
                    total = np.zeros(self.size)
                np.add.at(total, found[0], scores)  # a list's documents are distinct: one addition each, as
                # ``total[ids] += scores`` makes, in half its time (NumPy's unbuffered ``at``)
        if positive:
            mask = total > 0
        else:
            mask = np.zeros(self.size, dtype=bool)
            for found, _ in lists:
                if isinstance(found, Dense):
                    mask |= found.mask
                else:
                    mask[found[0]] = True
        return mask, self._clean_scores(total * boost if boost != 1 else total)

    def _clean_scores(self, scores: np.ndarray) -> np.ndarray:
        """``scores``, noted as 0.0 wherever its node does not match (a term's, an ``Or`` of terms', a phrase's):
        ``_sum_scores`` adds such an array as it is, the same floats as under its mask (x * 1.0 is x, 0.0 * 0 is
        0.0) without a multiplication over every document."""
        self._clean[id(scores)] = weakref.ref(scores)
        return scores

    def _is_clean(self, scores: np.ndarray) -> bool:
        """Whether ``scores`` was noted by ``_clean_scores`` in this evaluation (the array itself, not a later one
        that took a freed array's id)."""
        noted = self._clean.get(id(scores))
        return noted is not None and noted() is scores

    def _best(self, node: BestMatch, root: bool):
        """Required parts all, soft parts by idf-weighted share; complete matches first (module docstring)."""
        required = [self._node(c) for c in node.required if not isinstance(c, wq.Not)]
        soft = [self._node(c) for c in node.soft]
        if self._view is not None and root:  # the plan found the masks over every document: read where kept
            mask, partial, complete = self._view.masks()
        else:
            counts = [int(np.count_nonzero(m & self.live)) for m, _ in soft]
            mask, partial, complete = self._best_masks(node, [m for m, _ in required], [m for m, _ in soft], counts)
        scores = _sum_scores(required + soft, self.size, self._is_clean)
        for child in node.required:
            if isinstance(child, wq.Not):
                scores += child.boost  # Whoosh scores the documents an exclusion lets through at its boost
        if root and partial is not None:  # at the root, those below the share are the partial matches an answer
            self._partial = partial  # is widened with
            if self._want_loose:  # a word's syllables score where they stand, also without the whole word
                syllables = _sum([s for _, s in soft], self.size)
                self._loose = ((syllables > 0) & ~(mask | partial), syllables)
        if node.optional is not None:
            optional_mask, optional_scores = self._node(node.optional)
            scores += optional_scores if self._is_clean(optional_scores) else optional_scores * optional_mask  # as
            # ``_sum_scores`` adds a part under its mask
        scores = complete_lift(scores, complete, mask & ~complete & self.live, self.relevance.complete_lift)
        if root:
            self._parts = [(label, m) for label, (m, _) in zip(node.labels, soft, strict=True)]
        return mask, _boosted(scores, node.boost)

    def _best_masks(self, node: BestMatch, required: list, soft: list, counts: list[int]):
        """(matches, partial, complete) of a best match from its parts' masks: all required parts, else soft parts
        carrying ``min_share`` of the idf weight (``partial``: those holding some but too little, None with
        required parts, as Lucene's +a b, where the soft ones only rank); less every exclusion; ``complete``: the
        matches holding every soft part in its stricter form (a word's syllables side by side)."""
        weights = self._share_weights(counts, node.weak)
        covered = _sum([m * weight for m, weight in zip(soft, weights, strict=True)], self.size, owned=True)
        mask = _combined(np.logical_and, required) if required else covered > 0
        for child in node.required:
            if isinstance(child, wq.Not):
                mask &= ~self._untraced(child.query)
        partial = None
        if not required:
            enough = covered >= node.min_share * weights.sum() - 1e-9
            partial = mask & ~enough
            mask &= enough
        wholes = [self._untraced(w) if w is not None else m
                  for w, m, count in zip(node.whole, soft, counts, strict=True) if count]
        complete = _combined(np.logical_and, wholes + [mask]) if wholes else np.zeros(self.size, dtype=bool)
        return mask, partial, complete

    def _share_weights(self, counts: list[int], weak: list[bool]) -> np.ndarray:
        """A best match's soft parts' weights in its share: idf of the live documents each is in (among the live
        documents: the documents of an incremental run's deleted ones are not counted), less for a weak one; a word
        found nowhere has no say."""
        return np.array([float(idf(count, self.live_count, self.relevance.idf_floor))
                         * (self.relevance.weak_share if is_weak else 1.0) if count else 0.0
                         for count, is_weak in zip(counts, weak, strict=True)])

    def _sequence(self, node: Sequence):
        """The pairs where they stand one after another (a phrase exactly), scored as the pairs are."""
        parts = [self._term(wq.Term(node.fieldname, p)) for p in node.pairs]
        mask = _combined(np.logical_and, [m for m, _ in parts])
        if mask.any():
            mask &= self._placed(node.fieldname, node.pairs, mask)
        scores = np.where(mask, _sum_scores(parts, self.size, self._is_clean), 0.0)
        return mask, self._clean_scores(scores * node.boost)

    def _placed(self, field: str, pairs: tuple[str, ...], candidates: np.ndarray) -> np.ndarray:
        """Documents where pair k stands at position p + k for some p, every k (candidates only)."""
        keyed = []
        for offset, pair in enumerate(pairs):
            self._deadline.check()
            keyed.append((self.positions(field, pair), offset))
        keyed.sort(key=lambda item: len(item[0]))
        anchor, anchor_offset = keyed[0]
        if self._view is not None:  # positions are keyed by document numbers over every document
            candidates = self._view.spread(candidates)
        starts = anchor[candidates[anchor >> 32]] - anchor_offset  # the other lists are only searched: kept whole
        for keys, offset in keyed[1:]:
            wanted = starts + offset
            at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
            starts = starts[(keys[at] == wanted)] if len(keys) else starts[:0]
        found = np.zeros(self.documents, dtype=bool)
        found[(starts >> 32).astype(np.int64)] = True
        return found if self._view is None else found[self._view.at]

    def _term(self, node):
        self._deadline.check()
        found = self._list(node.fieldname, node.text)
        if isinstance(found, Dense):  # the cached arrays are shared: copies, which callers may change in place
            mask, scores = found.mask.copy(), found.scores * node.boost if node.boost != 1 else found.scores.copy()
        else:
            ids, scores_at = found
            mask, scores = dense_arrays(self.size, ids, scores_at * node.boost if node.boost != 1 else scores_at)
        return mask, self._clean_scores(scores)

    def scored(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, score of each) of a term before its boost: BM25 for a scored field, else the weight.

        The scores depend only on the index state, so they are what the cache keeps, not the raw weights; a list
        decoded from Whoosh's blocks is kept apart from those read from hot slices (``PostingsCache``); a list of
        most documents is kept ``Dense``.
        """
        found = self._list(field, text)
        return found.sparse() if isinstance(found, Dense) else found

    def _list(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray] | Dense:
        """A term's scored list as the cache keeps it: (document numbers, scores), or ``Dense``."""
        found = self._recall((field, text))
        found = found if found is not None else self._scored(field, text, *self._read(field, text))
        return found if self._view is None else self._view.restrict((field, text), found)

    def _scored(self, field: str, text: str, ids: np.ndarray, weights: np.ndarray,
                decoded: bool) -> tuple[np.ndarray, np.ndarray] | Dense:
        """A term's postings as read, scored and put in the cache (``_list``): ``Dense`` when the term is in so
        many documents that its arrays over every document take no more bytes than its postings."""
        if len(ids) and self.searcher.schema[field].scorable:
            frequency = len(ids)  # postings of every segment, deleted documents included: Whoosh's count
            weight = idf(frequency, self.doc_count_all, self.relevance.idf_floor)
            weights = bm25_into(weights, weight, np.take(self._norm(field), ids), self.relevance.k1)
        found = Dense.of(self.documents, ids, weights) if len(ids) * 16 >= self.documents * DENSE_BYTES \
            else (ids, weights)
        self._keep((field, text), found, decoded)
        return found

    def _recall(self, key):
        """A list or positions as kept: by the cache, else by the running evaluation (None when neither has it)."""
        found = self._postings.get(key, self._stamp)
        return found if found is not None or self._kept is None else self._kept.get(key)

    def _keep(self, key, value, decoded: bool = False) -> None:
        """Put in the cache, and kept until the running evaluation ends: a query reading more than the cache
        holds (a long question at 100,000 bulletins) reads and scores each list once, not once per use (about a
        third of its postings were read again), and its lists leave memory with it, as they did."""
        self._postings.put(key, value, decoded, self._stamp)
        if self._kept is not None:
            self._kept[key] = value


def _sum(arrays: list[np.ndarray], size: int, owned: bool = False) -> np.ndarray:
    """The arrays added in order into a new array (zeros for none): what ``np.sum(arrays, axis=0)`` gives, without
    stacking them into one array first. ``owned``: the arrays are the caller's own, so the first is the sum so far as
    it is (0.0 + x is x), not copied."""
    if not arrays:
        return np.zeros(size)
    total = arrays[0] if owned else arrays[0].copy()
    for array in arrays[1:]:
        total += array
    return total


def _sum_scores(parts, size: int, clean=lambda scores: False) -> np.ndarray:
    """Each part's scores summed where it matches: a part's scores times its mask (1.0 keeps a score as it is,
    0.0 adds nothing), the same floats as adding under the mask and several times faster than NumPy's
    ``where=`` over a scattered mask (67 against 483 us for 100,000 documents); a part whose scores are ``clean``
    (0.0 wherever it does not match) is added as it is."""
    if parts and clean(parts[0][1]):  # a clean first part is the sum so far as it is (0.0 + x is x)
        scores, parts = parts[0][1].copy(), parts[1:]
    else:
        scores = np.zeros(size)
    masked = np.empty(size) if parts else None
    for part_mask, part_scores in parts:
        if clean(part_scores):
            scores += part_scores
            continue
        np.multiply(part_scores, part_mask, out=masked)
        scores += masked
    return scores


def _combined(combine, masks: list[np.ndarray]) -> np.ndarray:
    """``combine.reduce(masks)`` (``np.logical_and`` or ``np.logical_or``) into a new array, one pass a mask: the
    list is not stacked into one array first. The masks are left as they are (a node's may be in a trace)."""
    out = masks[0].copy()
    for mask in masks[1:]:
        combine(out, mask, out=out)
    return out


def _boosted(scores: np.ndarray, boost: float) -> np.ndarray:
    """``scores`` times a node's boost; a boost of 1 leaves them as they are (x * 1.0 is x)."""
    return scores if boost == 1 else scores * boost


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
