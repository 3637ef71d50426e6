"""Searching and ranking: a request over one index state to ranked document numbers, then to hits.

``match`` parses and compiles the query (``search.query``, ``search.compiler``)
and collects the matching documents into a NumPy mask, with BM25F scores over
arrays (``search.vector``; Whoosh's own matchers for the shapes it does not
handle), and the facet filters' masks (``search.facets``). ``rank`` orders the
page: the best scores for relevance (every match is scored, where Whoosh's
limited top-k can miss documents), the date array for newest/oldest and for the
empty query. ``hit`` and ``meta`` read a document's stored record and build its
snippet (``search.highlight``). Every stage checks the request's ``Deadline``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from whoosh import query as wq
from whoosh.collectors import TimeLimit, TimeLimitCollector

from .clauses import plain
from .compiler import Highlights, compile_query
from .facets import FacetTable, filter_masks
from .highlight import snippet
from .limits import Deadline, QueryTimeout
from .models import Hit, RequestError, SearchRequest, canonical_value
from .query import QuerySyntaxError, parse_query
from .schema import META_FIELDS
from .textnorm import folded_key
from .understanding import understand
from .vector import top


@dataclass
class Matches:
    query: object
    terms: Highlights
    matched: np.ndarray  # documents matching the query text
    masks: dict  # facet -> documents having a selected value
    final: np.ndarray  # matched and every filter
    scores: np.ndarray | None  # BM25F per document from the array path, None on Whoosh's path
    parts: list = field(default_factory=list)  # (label, mask) of the query's best-match words
    understood: dict = field(default_factory=dict)


# -- resolving field values of the query language -------------------------------------
def resolver(state):
    """``resolve(field, value)`` for the compiler: canonical values, district spellings, year ranges."""
    def resolve(name: str, value: str) -> list[str]:
        if name == "id":
            return [value]
        if name == "district":
            key = folded_key(value)
            found = [d for d in lexicon(state, "district") if folded_key(d) == key]
            return found or [value]
        if name == "year" and "-" in value.strip("-"):
            low, high = (canonical_value("year", v) for v in value.split("-", 1))
            return [str(y) for y in range(int(low), int(high) + 1)][:200]
        try:
            return [canonical_value(name, value)]
        except RequestError as error:
            raise QuerySyntaxError(str(error)) from None
    return resolve


def known(state):
    """Whether the index has seen an accented syllable (title or content), from the cached postings
    that the search reads anyway."""
    postings = state.vector.scored

    def is_known(syllable: str) -> bool:
        return len(postings("content", syllable)[0]) > 0 or len(postings("title", syllable)[0]) > 0
    return is_known


def lexicon(state, name: str) -> list[str]:
    return [t.decode() if isinstance(t, bytes) else t for t in state.searcher.reader().lexicon(name)]


# -- matching and ranking -------------------------------------------------------------
def match(state, request: SearchRequest, deadline: Deadline) -> Matches:
    """The documents matching a request's query, with scores and the filters' masks."""
    query, terms = compile_query(parse_query(request.query), resolver(state), request.match, known=known(state),
                                 relevance=state.relevance)
    understood = understand(request.query) if request.query.strip() else {}
    query = _boosted(query, understood, state.relevance.understood_boost)
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
    return Matches(query, terms, matched, masks, final, scores, parts, understood)


def rank(state, found: Matches, request: SearchRequest, limit: int, deadline: Deadline) -> list[tuple[int, float]]:
    """The first ``limit`` (document number, score or None) in the request's order."""
    if request.sort == "relevance" and request.query.strip():
        if found.scores is not None:
            return top(found.scores, found.final, limit)
        return _by_relevance(state.searcher, found, limit, deadline)
    return by_date(state.table, found.final, request.sort == "oldest", limit)


def _by_relevance(searcher, found: Matches, limit: int, deadline: Deadline) -> list[tuple[int, float]]:
    if not found.final.any():
        return []  # Whoosh reads an empty filter set as "no filter"
    allowed = set(np.flatnonzero(found.final).tolist()) if found.masks else None
    collector = searcher.collector(limit=limit, filter=allowed)
    if deadline.seconds:
        collector = TimeLimitCollector(collector, timelimit=max(deadline.remaining(), 0.001), use_alarm=False)
    try:
        searcher.search_with_collector(found.query, collector)
    except TimeLimit:
        raise QueryTimeout(deadline.seconds) from None
    results = collector.results()
    return [(results.docnum(i), results.score(i)) for i in range(min(limit, results.scored_length()))]


def by_date(table: FacetTable, final: np.ndarray, oldest: bool, limit: int) -> list[tuple[int, None]]:
    docs = np.flatnonzero(final)
    keys = table.sortdate[docs]
    order = np.lexsort((docs, keys)) if oldest else np.lexsort((-docs, -keys))
    return [(int(docs[i]), None) for i in order[:limit]]


# -- documents --------------------------------------------------------------------------
def meta(stored: dict) -> dict:
    """The public metadata of a stored record.

    Whoosh 2.7 keeps a document's stored fields as one pickled dict (its ``_stored`` column), so ``meta``
    cannot be read without unpickling the text beside it; that costs a copy of the text, bounded by the
    indexer's size limit.
    """
    record = stored["meta"]
    out = {k: record.get(k) for k in META_FIELDS}
    out["topics"], out["refs"] = list(record.get("topics") or []), list(record.get("refs") or [])
    return out


def rows(state, ranked, deadline: Deadline) -> list[dict]:
    """Metadata of ranked documents, checking the deadline before each."""
    out = []
    for docnum, _ in ranked:
        deadline.check()
        out.append(meta(state.searcher.stored_fields(docnum)))
    return out


def hit(state, docnum: int, score, found: Matches, deadline: Deadline | None = None) -> Hit:
    if deadline is not None:
        deadline.check()
    stored = state.searcher.stored_fields(docnum)
    missing = list(dict.fromkeys(label for label, mask in found.parts if not mask[docnum]))
    return Hit(**meta(stored), snippet=snippet(stored.get("content", ""), found.terms, deadline=deadline),
               missing=missing, score=score)


def _documents(query, searcher, deadline: Deadline, every: int = 4096) -> np.ndarray:
    """Document numbers matching ``query`` by Whoosh's matchers, checking ``deadline`` every ``every`` hits."""
    found = []
    for count, docnum in enumerate(query.docs(searcher), 1):
        found.append(docnum)
        if count % every == 0:
            deadline.check()
    deadline.check()
    return np.asarray(found, dtype=np.int64)


def _boosted(query, understood: dict, boost: float):
    """The query with bulletins whose metadata match what it names lifted by ``boost`` (never filtered)."""
    if not understood or type(query) is wq.Every:
        return query
    lifts = [wq.Term(name, value, boost=boost) for name, value in understood.items()]
    return wq.AndMaybe(query, wq.Or(lifts))
