"""Similar bulletins (more-like-this): the most distinctive words of one bulletin, searched for.

A bulletin's folded syllables are weighted by frequency times idf in the
``content_folded`` field, and the ``SIMILAR_TERMS`` heaviest are OR-ed into
one query, evaluated over arrays (``search.vector``) or, failing that, by
Whoosh. Only the first ``SIMILAR_CHARS`` characters are analysed, so a bulletin
of megabytes costs no more than one of a few pages.
"""

from __future__ import annotations

import numpy as np
from whoosh import query as wq

from .analysis import FOLDED
from .ranking import meta
from .vector import top

SIMILAR_TERMS = 20
SIMILAR_CHARS = 50_000


def distinctive_terms(text: str, reader, limit: int = SIMILAR_TERMS) -> list[str]:
    """The ``limit`` folded syllables of ``text`` weighing most (frequency x idf), from its first characters."""
    counts: dict[str, int] = {}
    for term in FOLDED.terms(text[:SIMILAR_CHARS]):
        if len(term) > 2 and term.isalpha():
            counts[term] = counts.get(term, 0) + 1
    total = max(1, reader.doc_count_all())  # deleted documents included, as ``doc_frequency`` counts them

    def weight(term):
        return counts[term] * np.log(total / (1 + reader.doc_frequency("content_folded", term)))

    return sorted(counts, key=weight, reverse=True)[:limit]


def similar(state, doc_id: str, limit: int) -> list[dict]:
    """Metadata of the ``limit`` bulletins most like ``doc_id`` (empty when it is unknown)."""
    searcher = state.searcher
    docnum = searcher.document_number(id=doc_id)
    if docnum is None:
        return []
    chosen = distinctive_terms(searcher.stored_fields(docnum).get("content", ""), searcher.reader())
    query = wq.Or([wq.Term("content_folded", t) for t in chosen])
    matched, scores = state.vector.evaluate(query)
    matched[docnum] = False
    ranked = [d for d, _ in top(scores, matched, limit)]
    return [meta(searcher.stored_fields(d)) for d in ranked]
