"""Searching and ranking: a request over one index state to ranked document numbers, then to hits.

``match`` parses and compiles the query (``search.query``, ``search.compiler``)
and collects the matching documents into a NumPy mask, with BM25F scores over
arrays (``search.vector``: one evaluator for every query shape), and the facet
filters' masks (``search.facets``). ``rank`` orders the page: the best scores
for relevance (every match is scored), the date array for newest/oldest and for
the empty query. ``hit`` and ``meta`` read a document's stored record and build
its snippet (``search.highlight``) and, when asked, the explanation of its
score. Every stage checks the request's ``Deadline``.
"""

from __future__ import annotations

import dataclasses
import string
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
from whoosh import query as wq

from .clauses import Lift
from .compiler import Highlights, compile_query
from .explain import LIFTED, Trace, explain
from .facets import FacetTable, filter_masks
from .highlight import snippet
from .limits import Deadline
from .models import Hit, RequestError, SearchRequest, canonical_value
from .query import QuerySyntaxError, parse_query
from .schema import META_FIELDS
from .textnorm import folded_key, normalize_key, unify_spelling
from .understanding import asked_text, region_provinces, understand
from .vector import top


@dataclass
class Matches:
    query: object
    terms: Highlights
    matched: np.ndarray  # documents matching the query text
    masks: dict  # facet -> documents having a selected value
    final: np.ndarray  # matched and every filter
    scores: np.ndarray | None  # BM25F per document; None for the empty query (ordered by date)
    parts: list = field(default_factory=list)  # (label, mask) of the query's best-match words
    understood: dict = field(default_factory=dict)
    trace: Trace | None = None  # the evaluated query's arrays, when the request asks for explanations
    partial: np.ndarray | None = None  # documents holding some of the words, too few for the best-match share
    loose: tuple | None = None  # with a filter: (documents holding a syllable of the words only, their scores)
    before: tuple = ()  # a widened answer's tiers: each entry the documents ranked before the next tier (growing)

    @property
    def first(self) -> np.ndarray | None:
        """When widened: the documents of the first tier, which hold enough of the words (or the phrases)."""
        return self.before[0] if self.before else None

    def widened_by(self, extra: np.ndarray, **changes) -> Matches:
        """These matches followed by a further tier, ``extra`` (documents not in ``final``)."""
        return dataclasses.replace(self, final=self.final | extra, before=(*self.before, self.final), **changes)


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
        try:
            if name == "year" and "-" in value.strip("-"):
                low, high = (canonical_value("year", v) for v in value.split("-", 1))
                return [str(y) for y in range(int(low), int(high) + 1)][:200]
            return [canonical_value(name, value)]
        except RequestError as error:  # a value inside the query: the query's error, its message unchanged
            raise QuerySyntaxError(error.code, **error.params) from None
    return resolve


def known(state):
    """Whether the index has seen an accented syllable (title or content): a look-up in the terms tables, not
    a read of its postings (a long list read and scored to learn that it is not empty, then evicted by the
    query's other long lists before the search reads it, was read twice)."""
    reader = state.searcher.reader()

    def is_known(syllable: str) -> bool:
        return ("content", syllable) in reader or ("title", syllable) in reader
    return is_known


def adjacent(state):
    """In how many bulletins the index has two folded syllables side by side (the body's count, else the
    headline's), from the terms tables."""
    reader = state.searcher.reader()

    def side_by_side(first: str, second: str) -> int:
        pair = f"{first} {second}"
        return reader.doc_frequency("content_pairs", pair) or reader.doc_frequency("title_pairs", pair)
    return side_by_side


def closest(state):
    """For a syllable typed without diacritics that the index never saw (a slip: "chíh", "tuyếm", "chnh"), the
    known syllable one edit away (a letter dropped, added, changed or two swapped) that stands beside the query's
    neighbouring syllables in the most bulletins ("hành chíh tỉnh" is "hành chinh tỉnh": the pairs "hanh chinh"
    and "chinh tinh" are everywhere, "hanh chi" rarer); None when the syllable is known, too short to guess
    (fewer than 4 letters: "tum" of Kon Tum may be a name the index lacks) or no candidate stands beside a
    neighbour."""
    reader = state.searcher.reader()

    def nearest(folded: str, before: str | None, after: str | None) -> str | None:
        key = (folded, before, after)
        found = state.slips.get(key)  # the terms tables read once per syllable and neighbours, per commit
        if found is None:
            found = _nearest(reader, folded, before, after) or ""
            state.slips.put(key, found)
        return found or None
    return nearest


def _nearest(reader, folded: str, before: str | None, after: str | None) -> str | None:
    """``closest``'s search over the terms tables."""
    if len(folded) < 4 or not folded.isascii() or not folded.isalpha() or ("content_folded", folded) in reader:
        return None
    best, best_count = None, 0
    for candidate in sorted(_one_edit(folded)):
        if ("content_folded", candidate) not in reader:
            continue
        pairs = [f"{before} {candidate}"] * (before is not None) + [f"{candidate} {after}"] * (after is not None)
        count = sum(reader.doc_frequency(field, pair) for field in ("content_pairs", "title_pairs")
                    for pair in pairs)
        if count > best_count:
            best, best_count = candidate, count
    return best


def _one_edit(word: str) -> set[str]:
    """The strings one edit from ``word`` over the letters of folded text."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in string.ascii_lowercase}
    added = {a + c + b for a, b in splits for c in string.ascii_lowercase}
    return dropped | swapped | changed | added



def lexicon(state, name: str) -> list[str]:
    return [t.decode() if isinstance(t, bytes) else t for t in state.searcher.reader().lexicon(name)]


# -- matching and ranking -------------------------------------------------------------
def match(state, request: SearchRequest, deadline: Deadline) -> Matches:
    """The documents matching a request's query, with scores and the filters' masks."""
    parsed = parse_query(request.query)
    understood = understand(asked_text(parsed)) if parsed is not None else {}
    places = tuple(tuple(w for w in unify_spelling(normalize_key(understood[k])).split() if w.isalpha())
                   for k in ("province", "district") if k in understood)  # written as the query's syllables are
    query, terms = compile_query(parsed, resolver(state), request.match, known=known(state),
                                 relevance=state.relevance, adjacent=adjacent(state), closest=closest(state),
                                 places=places)
    query = _boosted(query, understood, state.relevance.understood_boost)
    table = state.table
    parts, trace, partial, loose = [], None, None, None
    masks = filter_masks(table, request.filters)
    within = _filtered(np.ones(len(table.live), dtype=bool), masks) if masks else None  # what the filters let through
    if request.query.strip():  # with a filter, scores are read only there (``VectorSearcher.run``)
        matched, scores, parts, trace, partial, loose = state.vector.run(
            query, deadline, explain=request.explain, loose=bool(request.filters), within=within)
    else:  # the empty query: every live document, ranked by date
        scores, matched = None, table.live.copy()
        deadline.check()
    final = matched & within if within is not None else matched.copy()
    return Matches(query, terms, matched, masks, final, scores, parts, understood, trace, partial, loose=loose)


def _filtered(documents: np.ndarray, masks: dict) -> np.ndarray:
    """``documents`` that pass every filter's mask (a new array)."""
    out = documents.copy()
    for mask in masks.values():
        out &= mask
    return out


def widened(found: Matches, below: float) -> Matches | None:
    """The matches widened by the partial ones (those holding some of the query's words) when fewer than
    ``below`` hold enough of them and some partial match passes the filters, as Algolia drops words from a
    query that finds too little; the full matches keep their places before them. When the filters still leave
    fewer than ``below``, the bulletins they pass that hold a syllable of the words follow, ranked by those
    syllables (``loosened``). None when not widened."""
    if np.count_nonzero(found.final) >= below:
        return None
    out = found
    extra = _filtered(found.partial, found.masks) if found.partial is not None else None
    if extra is not None and extra.any():
        out = found.widened_by(extra, matched=found.matched | found.partial, partial=None)
    return loosened(out, below) or (out if out is not found else None)


def followed_by_words(found: Matches, words: Matches, phrases: str) -> Matches | None:
    """``found`` (a query with quoted phrases, answered by too few bulletins) followed by the bulletins ``words``
    (the same query without quotes) finds besides them, ranked by that query: a search engine's exact phrase
    comes first, and what holds its words another way ("mức độ 3, 4" for "mức độ 4", a line break or an
    abbreviation inside) follows instead of nothing. ``phrases`` labels the quoted phrases in each hit's
    missing words; highlights mark both. None when the words find nothing more."""
    extra = words.final & ~found.final
    if not extra.any():
        return None
    scores, trace = np.where(extra, words.scores, found.scores), None
    if found.trace is not None and words.trace is not None:
        trace = Trace("the quoted phrases, then their words without quotes", found.final | extra, scores,
                      [found.trace, Trace("the words without quotes", extra, words.scores * extra, [words.trace])])
    return found.widened_by(extra, matched=found.matched | words.matched, scores=scores,
                            parts=[*words.parts, (phrases, found.matched)], trace=trace,
                            terms=Highlights(found.terms.sequences | words.terms.sequences))


def loosened(found: Matches, below: float) -> Matches | None:
    """With a filter, fewer than ``below`` matches: those the filters pass among the bulletins that hold a syllable
    of the query's words but no whole word follow them, scored by those syllables (a filtered set is small and on
    its subject already: "phân cấp phân quyền" in topic bo_may, 2025 also lists its bulletins on "cấp xã")."""
    if found.loose is None or not found.masks or np.count_nonzero(found.final) >= below:
        return None
    holding, syllables = found.loose
    extra = _filtered(holding, found.masks) & ~found.final
    if not extra.any():
        return None
    return found.widened_by(extra, matched=found.matched | extra, loose=None,
                            scores=np.where(extra, syllables, found.scores))


def rank(state, found: Matches, request: SearchRequest, limit: int, deadline: Deadline) -> list[tuple[int, float]]:
    """The first ``limit`` (document number, score or None) in the request's order."""
    if request.sort == "relevance" and found.scores is not None:
        return _first_page(state, found, _by_score(found, max(limit, FIRST_PAGE)))[:limit]
    return by_date(state.table, found.final, request.sort == "oldest", limit)


def _by_score(found: Matches, limit: int) -> list[tuple[int, float, int]]:
    """The first ``limit`` (document number, score, tier) by score, each tier of a widened answer (``before``:
    the full matches, 0; those holding some of the words, 1; with a filter, those holding a syllable of them; those
    holding the words of quoted phrases but not the phrases) after the one before."""
    bounds = [*found.before, found.final]
    tiers = [bounds[0]] + [inner & ~outer for outer, inner in pairwise(bounds)]
    ranked = []
    for level, tier in enumerate(tiers):
        ranked += [(docnum, score, level) for docnum, score in top(found.scores, tier, limit - len(ranked))]
    return ranked


FIRST_PAGE = 10  # the bulletins a named place or period orders (``page_lift``): a first page at the default size


def _first_page(state, found: Matches, ranked: list[tuple[int, float, int]]) -> list[tuple[int, float]]:
    """``ranked`` with its first ``FIRST_PAGE`` ordered again within each tier, each score times 1 +
    ``page_lift`` per value the query names (a province or a region's, a district, year or period,
    ``understood``) that the bulletin has: what the query names orders the first page, and never decides which
    bulletins make it (``understood_boost`` does, mildly) nor lifts one above a tier holding more of the words."""
    lift = state.relevance.page_lift
    named = [_named(name, value) for name, value in found.understood.items()] if lift > 0 and len(ranked) > 1 else []
    masks = [state.table.mask(facet, values) for facet, values in named if facet in state.table.codes]
    if masks:
        page = [(docnum, score * (1 + lift * sum(bool(mask[docnum]) for mask in masks)), tier)
                for docnum, score, tier in ranked[:FIRST_PAGE]]
        ranked = sorted(page, key=lambda item: (item[2], -item[1])) + ranked[FIRST_PAGE:]  # stable: ties keep
        # their order
    return [(docnum, score) for docnum, score, _ in ranked]


def by_date(table: FacetTable, final: np.ndarray, oldest: bool, limit: int) -> list[tuple[int, None]]:
    """The matching documents by date, newest or oldest first; those with no date (0) last either way."""
    docs = np.flatnonzero(final)
    keys = table.sortdate[docs]
    order = np.lexsort((docs, keys, keys == 0)) if oldest else np.lexsort((-docs, -keys))
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
    explanation = explain(found.trace, docnum) if found.trace is not None else None
    if explanation is not None and score is not None and score > found.scores[docnum] * (1 + 1e-9):
        explanation = {"value": round(score, 6), "description": f"{LIFTED} {state.relevance.page_lift:g} per place "
                       f"or period of the query it has, among the first {FIRST_PAGE}",
                       "details": [explanation, {"value": round(score / found.scores[docnum], 6),
                                                 "description": "times"}]}
    return Hit(**meta(stored), snippet=snippet(stored.get("content", ""), found.terms, deadline=deadline),
               missing=missing, score=score, explanation=explanation)


def _boosted(query, understood: dict, factor: float):
    """The query with bulletins whose metadata match what it names lifted: scores times 1 + ``factor``
    per value they have (never filtered)."""
    if not understood or type(query) is wq.Every or factor <= 0:
        return query
    lifts = [[wq.Term(facet, one) for one in values] for facet, values in
             (_named(name, value) for name, value in understood.items())]
    return Lift(query, [terms[0] if len(terms) == 1 else wq.Or(terms) for terms in lifts], factor)


def _named(name: str, value: str) -> tuple[str, list[str]]:
    """The facet and the values an understood value stands for: a region, the province facet's of its provinces."""
    return ("province", list(region_provinces(value))) if name == "region" else (name, [value])
