"""Search stage, the facade: ``SearchEngine`` - the one object every front end uses.

It ties the stages together, each in its own module:

* ``search.index_state`` - the served commit, reopened when ``cchc index``
  changed the index (one thread reopens, the others keep answering from the
  old state), with a Whoosh searcher per thread so searches run in parallel;
* ``search.ranking`` - parse, compile, match over arrays, rank, build hits;
* ``search.buckets`` - facet counts as buckets, reported when they time out;
* ``search.similar`` - more-like-this; ``search.suggest`` - did-you-mean (``search.glossary``: English terms in
  the bulletins' Vietnamese);
* ``search.figures`` - the figures bulletins report, as one indicator's table of scope x period.

Answers are cached per index state (``index_state.result_cache``); a cached answer is
served without waiting for any search in progress.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import numpy as np

from . import figures, ranking, storage
from .buckets import facet_buckets
from .citations import ref_label, same_issuer
from .compiler import compile_query
from .docnumbers import DOCNUMBER_TOKEN, canonical_number, ref_key
from .glossary import translate
from .highlight import highlight_all
from .index_state import RESULT_CACHE, IndexState, ServedIndex, StateGone
from .limits import Deadline, QueryTimeout
from .models import SearchRequest, SearchResponse
from .query import OPERATORS, QuerySyntaxError, parse_query
from .relevance import DEFAULT, Relevance
from .schema import FACETS
from .similar import similar
from .suggest import vocabulary_of


class SearchEngine:
    """Searches the index served from ``root`` (see ``search.storage``)."""

    def __init__(self, root: Path, timeout: float | None = None, cache_size: int = RESULT_CACHE,
                 relevance: Relevance = DEFAULT):
        self.root = Path(root)
        self.timeout = timeout  # seconds a search may run (``QueryTimeout``); None: no limit
        self.cache_size = cache_size  # 0: every search is computed (the benchmark measures that)
        self.relevance = relevance  # the ranking knobs (``search.relevance``)
        self._served = ServedIndex(self.root, cache_size, relevance)

    def _current(self) -> IndexState:
        return self._served.current()

    @property
    def _checked(self) -> float:
        return self._served.checked

    @_checked.setter
    def _checked(self, value: float) -> None:
        self._served.checked = value  # tests set 0 to skip the wait before looking at the disk again

    def _answer(self, job):
        """``job(state)`` on the current state; once more on a fresh one if the state's files are gone."""
        state = self._current()
        try:
            return job(state)
        except StateGone:
            self._served.forget(state)
            return job(self._current())

    def close(self) -> None:
        """Close the searchers (and their open files); the next search reopens them."""
        self._served.forget()

    @staticmethod
    def _resolver(state: IndexState):
        return ranking.resolver(state)

    def index_state(self) -> storage.IndexState:
        """The served index state (a key and when it was written), for HTTP validators; cheap between rechecks."""
        state = self._current()
        return storage.index_state(state.generation, state.toc)

    # -- searching -----------------------------------------------------------------
    def run_search(self, request: SearchRequest) -> SearchResponse:
        """Run one search; raises QuerySyntaxError for a malformed query, QueryTimeout past the limit.

        Answers are cached per index state (at most ``cache_size``, least recently used dropped first): the
        landing page and popular searches are served from memory until ``cchc index`` changes the index.
        An answer whose facets timed out is not cached.
        """
        key = _cache_key(request)
        return self._answer(lambda state: self._cached(state, key, lambda: self._search(state, request)))

    @staticmethod
    def _cached(state: IndexState, key: tuple, compute):
        found = state.results.get(key)
        if found is not None:
            return found
        answer = compute()
        if not getattr(answer, "facets_timed_out", None):
            state.results.put(key, answer)
        return answer

    def _search(self, state: IndexState, request: SearchRequest) -> SearchResponse:
        deadline = Deadline(self.timeout)
        asked = request.query
        found, request, notes = _match(state, request, deadline)
        found, notes["phrase_matches"] = _widened(state, found, request, deadline)
        start = (request.page - 1) * request.per_page
        page = ranking.rank(state, found, request, start + request.per_page, deadline)[start:]
        deadline.check()
        hits = [ranking.hit(state, docnum, score, found, deadline) for docnum, score in page]
        view = facet_buckets(state.table, found.matched, found.masks, request, deadline)
        return SearchResponse(
            query=asked,
            total=int(np.count_nonzero(found.final)),
            page=request.page,
            per_page=request.per_page,
            results=hits,
            facets=view.facets,
            sort=request.sort,
            filters=request.filters,
            chart=view.chart,
            understood=found.understood,
            facets_timed_out=view.timed_out,
            unquoted=notes.get("unquoted"),
            same_issuer=notes.get("same_issuer"),
            full_matches=int(np.count_nonzero(found.first)) if found.first is not None else None,
            phrase_matches=notes["phrase_matches"],
            corrected=dict(found.terms.corrected),
            nowhere=_nowhere(state, found),
        )

    def export(self, request: SearchRequest, limit: int) -> list[dict]:
        """Metadata of every match (at most ``limit``), in the request's order; QueryTimeout past the limit."""
        def job(state):
            deadline = Deadline(self.timeout)
            found, answered, _ = _match(state, request, deadline)
            found, _ = _widened(state, found, answered, deadline)
            return ranking.rows(state, ranking.rank(state, found, answered, limit, deadline), deadline)
        return self._answer(job)

    def analyse(self, request: SearchRequest, view: str, compute):
        """``compute(table, matched, masks)`` over the matches of ``request``, cached as ``view`` (the research
        views: coverage, trends); ``matched`` ignores the filters, ``masks`` holds one per filtered facet."""
        def job(state):
            def run():
                found, _, _ = _match(state, request, Deadline(self.timeout))
                return compute(state.table, found.matched, found.masks)
            return self._cached(state, (view, *_cache_key(request)), run)
        return self._answer(job)

    def figures(self, request: SearchRequest, indicator: str | None, unit: str | None = None,
                limit: int | None = None) -> dict:
        """The figures of the bulletins matching ``request`` (its query and filters): per indicator how many,
        and for ``indicator`` its table of scope x period (``search.figures.figure_view``), how many figures
        it has in ``unit`` (else its most common unit) and the figures of the request's page with their
        sentences, newest bulletin first (``limit``: the first ``limit`` instead, for an export)."""
        key = ("figures", indicator, unit, limit, *_cache_key(request))

        def job(state):
            def run():
                deadline = Deadline(self.timeout)
                found, _, _ = _match(state, request, deadline)
                return _figures(state, found.final, request, indicator, unit, limit, deadline)
            return self._cached(state, key, run)
        return self._answer(job)

    # -- single documents and statistics -------------------------------------------
    def document(self, doc_id: str, query: str = "") -> dict | None:
        """One bulletin's metadata and text (text highlighted for ``query``), or None."""
        return self._answer(lambda state: self._document(state, doc_id, query))

    def _document(self, state: IndexState, doc_id: str, query: str) -> dict | None:
        docnum = state.searcher.document_number(id=doc_id)
        if docnum is None:
            return None
        stored = state.searcher.stored_fields(docnum)
        meta = {k: v for k, v in stored["meta"].items() if k != "origin"}
        meta["text"] = stored.get("content", "")
        meta["figures"] = _stored_figures(state, docnum)
        if query.strip():
            try:
                _, terms = compile_query(parse_query(query), ranking.resolver(state))
                meta["text_highlighted"] = highlight_all(meta["text"], terms, Deadline(self.timeout))
            except (QuerySyntaxError, QueryTimeout):
                pass  # the text without marks
        return meta

    def similar(self, doc_id: str, limit: int = 5) -> list[dict]:
        """Bulletins sharing the most distinctive words of one bulletin (more-like-this), cached per index state."""
        return self._answer(lambda state: self._cached(state, ("similar", doc_id, limit),
                                                       lambda: similar(state, doc_id, limit)))

    def suggest(self, query: str) -> str | None:
        """A query in English with its terms in the bulletins' Vietnamese (``search.glossary``), else the query with
        diacritics restored from the index's vocabulary; None when neither changes it."""
        return translate(query) or self._answer(lambda state: vocabulary_of(state).suggest(query))

    def stats(self) -> dict:
        """Corpus statistics for ``cchc stats`` and the about page."""
        return self._answer(self._stats)

    @staticmethod
    def _stats(state: IndexState) -> dict:
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


def _nowhere(state: IndexState, found: ranking.Matches) -> list[str]:
    """The query's words (a best match's parts) that no live bulletin holds, when others are found: the answer is
    for the rest of the words ("blockchain 2023": bulletins of 2023)."""
    if not found.final.any():
        return []
    live = state.table.live
    return list(dict.fromkeys(label for label, mask in found.parts if not np.any(mask & live)))


def _stored_figures(state: IndexState, docnum: int) -> list[dict]:
    """A bulletin's figures as the indexer stored them (``indexer.figures``); ``province`` null in those of an
    index written before figures named one (until its next run extracts them again)."""
    reader = state.searcher.reader()
    raw = figures.stored_value(reader.column_reader("figures"), docnum) if reader.has_column("figures") else b""
    return [{**figure, "province": figure.get("province")} for figure in json.loads(raw)] if raw else []


def _figures(state: IndexState, final: np.ndarray, request: SearchRequest, indicator: str | None,
             unit: str | None, limit: int | None, deadline: Deadline) -> dict:
    table = state.arrays.figures
    if table is None:
        table = state.arrays.figures = figures.FigureTable.build(state.searcher.reader())
    answer = {"indicator": indicator, "unit": unit, "total": 0, "indicators": figures.indicator_counts(table, final),
              "units": {}, "scopes": 0, "columns": [], "rows": [], "figures": []}
    if not indicator:
        return answer
    answer["units"] = figures.unit_counts(table, final, indicator)
    rows, answer["unit"] = figures.selected_rows(table, final, indicator, unit, state.table.sortdate)
    deadline.check()
    ids = state.searcher.reader().column_reader("id")
    answer.update(figures.figure_view(table, rows, lambda docnum: ids[docnum]), total=int(len(rows)))
    start = 0 if limit is not None else (request.page - 1) * request.per_page
    shown = rows[start:start + (limit if limit is not None else request.per_page)]
    docs: dict[int, tuple[dict, list[dict]]] = {}
    for row in shown:
        deadline.check()
        docnum = int(table.columns["doc"][row])
        if docnum not in docs:
            docs[docnum] = (ranking.meta(state.searcher.stored_fields(docnum)), _stored_figures(state, docnum))
        meta, stored = docs[docnum]
        sentence = stored[int(table.columns["item"][row])].get("sentence", "")
        answer["figures"].append({"id": meta["id"], "title": meta["title"], "url": meta["url"],
                                  "published": meta["published"], **figures.row_dict(table, row),
                                  "sentence": sentence})
    return answer


def _cache_key(request: SearchRequest) -> tuple:
    filters = tuple(sorted((name, tuple(values)) for name, values in request.filters.items()))
    return (request.query, filters, request.sort, request.page, request.per_page, request.lang, request.match,
            request.explain)


def _match(state: IndexState, request: SearchRequest, deadline: Deadline):
    """``ranking.match`` of the request, the request answered and what was changed to answer it (``notes``).

    When nothing matches, the fallbacks search engines use, in turn: the same words without quotes when no
    bulletin holds its quoted phrases (``unquoted_query``; notes ``unquoted``), then, when it names a document
    number that no bulletin has or cites, the bulletins citing other documents of that issuer code in its
    place, when there are some (``_same_issuer_query``; notes ``same_issuer``)."""
    found, notes = ranking.match(state, request, deadline), {}
    for name in ("unquoted", "same_issuer"):
        if found.final.any():
            break
        rewritten = _unquoted(request.query) if name == "unquoted" else _same_issuer_query(state, request.query)
        if not rewritten:
            continue
        query, note = rewritten
        relaxed = dataclasses.replace(request, query=query)
        try:
            again = ranking.match(state, relaxed, deadline)
        except QuerySyntaxError:
            continue  # the rewritten query does not parse: the earlier empty answer
        if name == "unquoted" or again.final.any():  # the words are the query; other numbers only when found
            found, request, notes = again, relaxed, {**notes, name: note}
    return found, request, notes


def _unquoted(query: str) -> tuple[str, str] | None:
    """(query, note) of the unquoted fallback: the words without quotes, twice (``unquoted_query``)."""
    words = unquoted_query(query)
    return (words, words) if words else None


def _same_issuer_query(state: IndexState, query: str) -> tuple[str, dict] | None:
    """(query, note) with the first document number of ``query`` that no bulletin has as its own number or cites
    replaced by ``(refs:a OR refs:b ...)``, the most cited documents of its issuer code
    (``search.citations.same_issuer``); the note names the number and those documents. None when there is none."""
    postings, reader = state.table.sparse["refs"], state.searcher.reader()
    for match in DOCNUMBER_TOKEN.finditer(query):
        key = ref_key(match.group(0))
        if key in postings.values or ("number", key) in reader:
            continue
        kin = same_issuer(postings, key)
        if kin:
            alternatives = "(" + " OR ".join(f"refs:{value}" for value in kin) + ")"
            return (query[:match.start()] + alternatives + query[match.end():],
                    {"number": canonical_number(match.group(0)), "cited": [ref_label(value) for value in kin]})
    return None


def _widened(state: IndexState, found: ranking.Matches, request: SearchRequest,
             deadline: Deadline) -> tuple[ranking.Matches, int | None]:
    """A result list ranked by relevance, widened when the full matches are few (``Relevance.widen_below``):
    by the partial matches (``ranking.widened``), then, for a query with quoted phrases, by what the same query
    without quotes finds (``ranking.followed_by_words``); the matches as they are otherwise. Also how many
    bulletins hold the phrases when the words follow them, else None."""
    if request.sort != "relevance":
        return found, None
    below = state.relevance.widen_below
    found = ranking.widened(found, below) or found
    words = unquoted_query(request.query)
    if words is None or np.count_nonzero(found.final) >= below:
        return found, None
    try:
        again = ranking.match(state, dataclasses.replace(request, query=words), deadline)
    except QuerySyntaxError:
        return found, None  # the words do not parse alone: the phrases' answer as it is
    phrases = " ".join(f'"{p.strip()}"' for p in _PHRASE.findall(request.query) if p.strip())
    followed = ranking.followed_by_words(found, again, phrases)
    return (followed, int(np.count_nonzero(found.final))) if followed is not None else (found, None)


_KEEPS_QUOTES = re.compile(r'(?:[:-]|\bNOT\s*)"')  # title:"...", -"...", NOT "...": quotes that carry meaning


def unquoted_query(query: str) -> str | None:
    """The query without its quotes, when it has exact phrases and none is a field's value or excluded
    ("\"phi địa giới hành chính\" hồ sơ đất đai" -> "phi địa giới hành chính hồ sơ đất đai"); else None. A
    phrase's words stay words: no operator, sign, bracket or field comes out of them."""
    if '"' not in query or _KEEPS_QUOTES.search(query):
        return None
    return " ".join(_PHRASE.sub(lambda m: " " + _plain_words(m.group(1)) + " ", query).split()) or None


_PHRASE = re.compile(r'"([^"]*)"')


def _plain_words(text: str) -> str:
    words = (word.lstrip("+-").replace(":", " ") for word in re.sub(r"[()]", " ", text).split())
    return " ".join(word.lower() if word in OPERATORS else word for word in words)
