"""Search stage, part 2: ``SearchEngine.run_search`` - the one function every front end uses.

The engine keeps one Whoosh searcher and its facet arrays per index
generation, and reopens both when ``cchc index`` has changed the index on
disk (checked at most every ``RECHECK_SECONDS``). A search:

1. parses and compiles the query (``search.query``, ``search.compiler``);
2. collects the matching document numbers into a NumPy mask, with BM25F scores
   computed over arrays (``search.vector``; Whoosh's own matchers for the
   query shapes it does not handle);
3. applies facet filters (values of one facet OR-ed, facets AND-ed) and counts
   facets disjunctively (``search.facets``);
4. ranks the page: the best scores for relevance (exact: every match is
   scored, where Whoosh's limited top-k can miss documents), the date array
   for newest/oldest and for the empty query;
5. loads the page's stored metadata and builds snippets (``search.highlight``).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh import query as wq
from whoosh import scoring
from whoosh.collectors import TimeLimit, TimeLimitCollector

from . import storage
from .analysis import FOLDED
from .citations import ref_label
from .clauses import plain
from .compiler import Highlights, compile_query
from .facets import FacetTable, disjunctive_counts, filter_masks, pivot
from .highlight import highlight_all, snippet
from .limits import Deadline, QueryTimeout
from .models import FacetBucket, Hit, RequestError, SearchRequest, SearchResponse, canonical_value
from .query import QuerySyntaxError, parse_query
from .schema import FACETS, META_FIELDS
from .suggest import PAIR_SAMPLE, Vocabulary
from .textnorm import folded_key
from .understanding import understand
from .vector import VectorSearcher, top
from .vocabulary import QUARTERS, quarter_label, topic_ids, topic_label

RECHECK_SECONDS = 1.0
RESULT_CACHE = 256  # responses kept per index state; a new index state starts empty
SIMILAR_TERMS = 20
UNDERSTOOD_BOOST = 1.0  # added per query-named facet value a bulletin has (year, period, province, district)


@dataclass
class _State:
    generation: Path
    toc: int
    searcher: object
    table: FacetTable
    vector: VectorSearcher
    vocabulary: Vocabulary | None = None
    results: OrderedDict = field(default_factory=OrderedDict)  # request key -> SearchResponse


@dataclass
class _Matches:
    query: object
    terms: Highlights
    matched: np.ndarray  # documents matching the query text
    masks: dict  # facet -> documents having a selected value
    final: np.ndarray  # matched and every filter
    scores: np.ndarray | None  # BM25F per document from the array path, None on Whoosh's path
    parts: list = field(default_factory=list)  # (label, mask) of the query's best-match words
    understood: dict = field(default_factory=dict)


class SearchEngine:
    """Searches the index served from ``root`` (see ``search.storage``)."""

    def __init__(self, root: Path, timeout: float | None = None, cache_size: int = RESULT_CACHE):
        self.root = Path(root)
        self.timeout = timeout  # seconds a search may run (``QueryTimeout``); None: no limit
        self.cache_size = cache_size  # 0: every search is computed (the benchmark measures that)
        self._state: _State | None = None
        self._open: list = []  # the open searcher, closed when replaced or when the engine is collected
        weakref.finalize(self, _close_all, self._open)
        self._checked = 0.0
        self._lock = threading.Lock()
        # Whoosh readers seek and read shared file objects: one search at a time per engine.
        self._search_lock = threading.RLock()

    # -- opening and reopening -------------------------------------------------
    def _current(self) -> _State:
        """The state of the served index; callers hold ``_search_lock``, so a replaced searcher is idle."""
        now = time.monotonic()
        state = self._state
        if state is not None and now - self._checked < RECHECK_SECONDS:
            return state
        with self._lock:
            generation = storage.current_generation(self.root)
            if generation is None:
                raise storage.IndexMissing(self.root)
            ix = storage.open_current(self.root)
            toc = ix.latest_generation()
            if state is None or state.generation != generation or state.toc != toc:
                searcher = ix.searcher(weighting=scoring.BM25F())
                table = FacetTable.build(searcher.reader())
                self._state = _State(generation, toc, searcher, table, VectorSearcher(searcher, table.live))
                _close_all(self._open)
                self._open.append(searcher)
            self._checked = now
            return self._state

    def index_state(self) -> storage.IndexState:
        """The served index state (a key and when it was written), for HTTP validators; cheap between rechecks."""
        state = self._state
        if state is None or time.monotonic() - self._checked >= RECHECK_SECONDS:
            with self._search_lock:
                state = self._current()
        return storage.index_state(state.generation, state.toc)

    def close(self) -> None:
        """Close the searcher (and its open files); the next search reopens it."""
        with self._lock, self._search_lock:
            _close_all(self._open)
            self._state = None

    # -- resolving field values of the query language -----------------------------
    def _resolver(self, state: _State):
        def resolve(name: str, value: str) -> list[str]:
            if name == "id":
                return [value]
            if name == "district":
                key = folded_key(value)
                found = [d for d in self._lexicon(state, "district") if folded_key(d) == key]
                return found or [value]
            if name == "year" and "-" in value.strip("-"):
                low, high = (canonical_value("year", v) for v in value.split("-", 1))
                return [str(y) for y in range(int(low), int(high) + 1)][:200]
            try:
                return [canonical_value(name, value)]
            except RequestError as error:
                raise QuerySyntaxError(str(error)) from None
        return resolve

    @staticmethod
    def _known(state: _State):
        postings = state.vector.postings  # cached: the search reads these postings anyway

        def known(syllable: str) -> bool:
            return len(postings("content", syllable)[0]) > 0 or len(postings("title", syllable)[0]) > 0
        return known

    @staticmethod
    def _lexicon(state: _State, name: str) -> list[str]:
        return [t.decode() if isinstance(t, bytes) else t for t in state.searcher.reader().lexicon(name)]

    # -- searching -----------------------------------------------------------------
    def run_search(self, request: SearchRequest) -> SearchResponse:
        """Run one search; raises QuerySyntaxError for a malformed query, QueryTimeout past the limit.

        Answers are cached per index state (at most ``cache_size``, least recently used dropped first): the
        landing page and popular searches are served from memory until ``cchc index`` changes the index.
        """
        with self._search_lock:
            state = self._current()
            return self._cached(state, _cache_key(request), lambda: self._search(state, request))

    def _cached(self, state: _State, key: tuple, compute):
        """The answer for ``key`` from the state's cache, computed and remembered if absent (LRU)."""
        if key in state.results:
            state.results.move_to_end(key)
            return state.results[key]
        answer = compute()
        if self.cache_size:
            state.results[key] = answer
            while len(state.results) > self.cache_size:
                state.results.popitem(last=False)
        return answer

    def _search(self, state: _State, request: SearchRequest) -> SearchResponse:
        deadline = Deadline(self.timeout)
        found = self._match(state, request, deadline)
        start = (request.page - 1) * request.per_page
        page = self._rank(state, found, request, start + request.per_page, deadline)[start:]
        deadline.check()
        without_year = found.matched.copy()
        for name, mask in found.masks.items():
            if name != "year":
                without_year &= mask
        return SearchResponse(
            query=request.query,
            total=int(np.count_nonzero(found.final)),
            page=request.page,
            per_page=request.per_page,
            results=[self._hit(state, docnum, score, found, deadline) for docnum, score in page],
            facets=self._facets(state.table, found.matched, found.masks, request),
            sort=request.sort,
            filters=request.filters,
            chart=pivot(state.table, without_year, "year", "quarter"),
            understood=found.understood,
        )

    def export(self, request: SearchRequest, limit: int) -> list[dict]:
        """Metadata of every match (at most ``limit``), in the request's order."""
        with self._search_lock:
            state = self._current()
            deadline = Deadline(self.timeout)
            found = self._match(state, request, deadline)
            ranked = self._rank(state, found, request, limit, deadline)
            return [self._meta(state, docnum) for docnum, _ in ranked]

    def analyse(self, request: SearchRequest, view: str, compute):
        """``compute(table, matched, masks)`` over the matches of ``request``, cached as ``view`` (the research
        views: coverage, trends); ``matched`` ignores the filters, ``masks`` holds one per filtered facet."""
        with self._search_lock:
            state = self._current()

            def run():
                found = self._match(state, request, Deadline(self.timeout))
                return compute(state.table, found.matched, found.masks)
            return self._cached(state, (view, *_cache_key(request)), run)

    def _match(self, state: _State, request: SearchRequest, deadline: Deadline) -> _Matches:
        query, terms = compile_query(parse_query(request.query), self._resolver(state), request.match,
                                     known=self._known(state))
        understood = understand(request.query) if request.query.strip() else {}
        query = _boosted(query, understood)
        table = state.table
        evaluated = state.vector.run(query, deadline) if request.query.strip() else None
        parts = []
        if evaluated is not None:
            matched, scores, parts = evaluated
        elif type(query) is wq.Every:  # the empty query: every live document, ranked by date
            scores, matched = None, table.live.copy()
            deadline.check()
        else:
            query = plain(query)
            scores = None
            matched = np.zeros(table.size, dtype=bool)
            matched[_documents(query, state.searcher, deadline)] = True
            matched &= table.live
        masks = filter_masks(table, request.filters)
        final = matched.copy()
        for mask in masks.values():
            final &= mask
        return _Matches(query, terms, matched, masks, final, scores, parts, understood)

    def _rank(self, state: _State, found: _Matches, request: SearchRequest, limit: int,
              deadline: Deadline) -> list[tuple[int, float]]:
        if request.sort == "relevance" and request.query.strip():
            if found.scores is not None:
                return top(found.scores, found.final, limit)
            return self._by_relevance(state, found, limit, deadline)
        return self._by_date(state.table, found.final, request.sort == "oldest", limit)

    @staticmethod
    def _by_relevance(state, found: _Matches, limit: int, deadline: Deadline) -> list[tuple[int, float]]:
        if not found.final.any():
            return []  # Whoosh reads an empty filter set as "no filter"
        allowed = set(np.flatnonzero(found.final).tolist()) if found.masks else None
        collector = state.searcher.collector(limit=limit, filter=allowed)
        if deadline.seconds:
            collector = TimeLimitCollector(collector, timelimit=max(deadline.remaining(), 0.001), use_alarm=False)
        try:
            state.searcher.search_with_collector(found.query, collector)
        except TimeLimit:
            raise QueryTimeout(deadline.seconds) from None
        results = collector.results()
        return [(results.docnum(i), results.score(i)) for i in range(min(limit, results.scored_length()))]

    @staticmethod
    def _by_date(table: FacetTable, final: np.ndarray, oldest: bool, limit: int) -> list[tuple[int, None]]:
        docs = np.flatnonzero(final)
        keys = table.sortdate[docs]
        order = np.lexsort((docs, keys)) if oldest else np.lexsort((-docs, -keys))
        return [(int(docs[i]), None) for i in order[:limit]]

    @staticmethod
    def _meta(state: _State, docnum: int) -> dict:
        meta = state.searcher.stored_fields(docnum)["meta"]
        out = {k: meta.get(k) for k in META_FIELDS}
        out["topics"], out["refs"] = list(meta.get("topics") or []), list(meta.get("refs") or [])
        return out

    def _hit(self, state: _State, docnum: int, score, found: _Matches, deadline: Deadline | None = None) -> Hit:
        if deadline is not None:
            deadline.check()
        stored = state.searcher.stored_fields(docnum)
        missing = list(dict.fromkeys(label for label, mask in found.parts if not mask[docnum]))
        return Hit(**self._meta(state, docnum), snippet=snippet(stored.get("content", ""), found.terms),
                   missing=missing, score=score)

    def _facets(self, table, matched, masks, request: SearchRequest) -> dict[str, list[FacetBucket]]:
        counts = disjunctive_counts(table, matched, masks, FACETS, request.filters)
        return {name: self._buckets(name, counts[name], request) for name in FACETS}

    @staticmethod
    def _buckets(name: str, counts: dict[str, int], request: SearchRequest) -> list[FacetBucket]:
        selected = request.filters.get(name, [])
        values = list(counts) + [v for v in selected if v not in counts]
        if name == "year":
            values.sort(key=lambda v: -int(v))
        elif name == "quarter":
            values.sort(key=lambda v: list(QUARTERS).index(v))
        elif name == "topic":
            values.sort(key=lambda v: (-counts.get(v, 0), topic_ids().index(v)))
        else:
            values.sort(key=lambda v: (-counts.get(v, 0), folded_key(v)))

        def label(value):
            if name == "quarter":
                return quarter_label(value, request.lang)
            if name == "refs":
                return ref_label(value)
            return topic_label(value, request.lang) if name == "topic" else value

        return [FacetBucket(value=v, label=label(v), count=counts.get(v, 0), selected=v in selected)
                for v in values]

    # -- single documents and statistics -------------------------------------------
    def document(self, doc_id: str, query: str = "") -> dict | None:
        """One bulletin's metadata and text (text highlighted for ``query``), or None."""
        with self._search_lock:
            return self._document(self._current(), doc_id, query)

    def _document(self, state: _State, doc_id: str, query: str) -> dict | None:
        docnum = state.searcher.document_number(id=doc_id)
        if docnum is None:
            return None
        stored = state.searcher.stored_fields(docnum)
        meta = {k: v for k, v in stored["meta"].items() if k != "origin"}
        meta["text"] = stored.get("content", "")
        if query.strip():
            try:
                _, terms = compile_query(parse_query(query), self._resolver(state))
                meta["text_highlighted"] = highlight_all(meta["text"], terms)
            except QuerySyntaxError:
                pass
        return meta

    def similar(self, doc_id: str, limit: int = 5) -> list[dict]:
        """Bulletins sharing the most distinctive words of one bulletin (more-like-this), cached per index state."""
        with self._search_lock:
            state = self._current()
            return self._cached(state, ("similar", doc_id, limit), lambda: self._similar(state, doc_id, limit))

    def _similar(self, state: _State, doc_id: str, limit: int) -> list[dict]:
        docnum = state.searcher.document_number(id=doc_id)
        if docnum is None:
            return []
        reader = state.searcher.reader()
        counts: dict[str, int] = {}
        for term in FOLDED.terms(state.searcher.stored_fields(docnum).get("content", "")):
            if len(term) > 2 and term.isalpha():
                counts[term] = counts.get(term, 0) + 1
        total = max(1, reader.doc_count())

        def weight(term):
            return counts[term] * np.log(total / (1 + reader.doc_frequency("content_folded", term)))

        chosen = sorted(counts, key=weight, reverse=True)[:SIMILAR_TERMS]
        query = wq.Or([wq.Term("content_folded", t) for t in chosen])
        evaluated = state.vector.evaluate(query)
        if evaluated is not None:
            matched, scores = evaluated
            matched[docnum] = False
            ranked = [d for d, _ in top(scores, matched, limit)]
        else:
            results = state.searcher.search(query, limit=limit + 1, mask={docnum})
            ranked = [results.docnum(i) for i in range(min(limit, results.scored_length()))]
        return [self._meta(state, d) for d in ranked]

    def suggest(self, query: str) -> str | None:
        """The query with diacritics restored from the index's vocabulary, or None."""
        with self._search_lock:
            state = self._current()
            if state.vocabulary is None:
                live = np.flatnonzero(state.table.live)
                sample = live[:: max(1, len(live) // PAIR_SAMPLE)][:PAIR_SAMPLE]
                texts = (state.searcher.stored_fields(int(n)).get("content", "") for n in sample)
                state.vocabulary = Vocabulary.build(state.searcher.reader(), texts=texts)
            return state.vocabulary.suggest(query)

    def stats(self) -> dict:
        """Corpus statistics for ``cchc stats`` and the about page."""
        with self._search_lock:
            return self._stats(self._current())

    def _stats(self, state: _State) -> dict:
        table = state.table
        counts = {name: table.counts(name, table.live) for name in FACETS}
        years = sorted(int(y) for y in counts["year"])
        info = storage.read_build_info(state.generation)
        return {
            "documents": int(np.count_nonzero(table.live)),
            "provinces": len(counts["province"]),
            "years": [years[0], years[-1]] if years else None,
            "built_at": info.get("built_at"),
            "index": str(state.generation),
            "facets": counts,
        }


def _documents(query, searcher, deadline: Deadline, every: int = 4096) -> np.ndarray:
    """Document numbers matching ``query`` by Whoosh's matchers, checking ``deadline`` every ``every`` hits."""
    found = []
    for count, docnum in enumerate(query.docs(searcher), 1):
        found.append(docnum)
        if count % every == 0:
            deadline.check()
    deadline.check()
    return np.asarray(found, dtype=np.int64)


def _boosted(query, understood: dict):
    """The query with bulletins whose metadata match what it names lifted (never filtered)."""
    if not understood or type(query) is wq.Every:
        return query
    lifts = [wq.Term(name, value, boost=UNDERSTOOD_BOOST) for name, value in understood.items()]
    return wq.AndMaybe(query, wq.Or(lifts))


def _close_all(searchers: list) -> None:
    while searchers:
        searchers.pop().close()


def _cache_key(request: SearchRequest) -> tuple:
    filters = tuple(sorted((name, tuple(values)) for name, values in request.filters.items()))
    return request.query, filters, request.sort, request.page, request.per_page, request.lang, request.match
