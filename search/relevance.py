"""Ranking settings, in one object, and the pure scoring functions they feed.

Every knob of ranking lives in ``Relevance`` (Lucene's ``Similarity``, bm25s' parameters): the BM25
constants, the field weights, the bonuses and lifts, the best-match share. The compiler
(``search.compiler``), the array evaluator (``search.vector``) and the ranking stage
(``search.ranking``) read them from the one ``Relevance`` their ``SearchEngine`` was given, so
``python -m bench.quality --set title_boost=2`` measures another value without editing code. Each value's
reason - the dev and test figures that chose it - is in the commit that set it.

>>> round(bm25(tf=2.0, idf=1.5, norm=1.2, k1=1.2), 4)
2.0625
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
from whoosh import scoring


@dataclass(frozen=True)
class Relevance:
    """The ranking knobs, each with its meaning beside it."""

    k1: float = 1.2  # BM25 term-frequency saturation
    b: float = 0.75  # BM25 length normalisation
    idf_floor: float = 0.75  # added to log((N + 1) / (df + 1)); Whoosh adds 1 (to N / (df + 1)), which leaves a
    # syllable of every bulletin ("cải", "hành") a quarter of a rare name's weight: a common phrase drowned it
    title_boost: float = 0.5  # weight of a match in the headline against one in the body (0.5-0.7: real dev's best)
    aside_boost: float = 0.15  # weight of a match in the lines cleaning set aside (above the headline, chrome)
    number_boost: float = 100.0  # a document's own number matched: it ranks before those citing it (times cited_boost)
    cited_boost: float = 20.0  # a document number of the query found in the text (a citation) outweighs its words
    exact_bonus: float = 1.5  # an unaccented syllable matching the exact spelling too ("ban" over "bản")
    word_boost: float = 0.5  # the query's pyvi words found as words
    proximity_boost: float = 1.5  # the query's neighbouring syllables found side by side (1.25-2.0: real dev's
    # plateau on its 987 bulletins; 1.0 was chosen on fewer)
    min_share: float = 0.35  # share of the query's idf weight a best-match result needs (0.35-0.5: real dev's plateau)
    weak_share: float = 0.3  # weight, in that share, of an unaccented syllable that folds like a function word
    complete_lift: float = 0.3  # every word present: lifted by this share of the best partial score + 1 (1: a tier;
    # 0.2-0.4 real dev's plateau since the thirteenth round, 0.5 before)
    widen_below: float = 10  # fewer bulletins than this hold the share of the words: those holding some follow
    understood_boost: float = 0.2  # score times 1 + this per year, period or place named in the query it has
    headline_lift: float = 0.2  # score times 1 + this where the headline holds every word of the query
    place_weight: float = 0.5  # weight of the words of a place the query names in the text score (it is lifted as
    # understood already: a page full of the name outranked pages on the subject; 0.4-0.7 real dev's plateau)
    synonym_weight: float = 0.5  # weight of a synonym of a query's phrase (``search/data/synonyms.json``) against
    # the phrase itself
    page_lift: float = 0.3  # among the first ten only, score times 1 + this per place or period of the query it
    # has (0.3-0.6: real dev's plateau); which ten is left to the scores

    @classmethod
    def parse(cls, assignments: list[str]) -> Relevance:
        """``["k1=0.9", "title_boost=2"]`` -> settings; ``ValueError`` names a bad assignment.

        >>> Relevance.parse(["b=0.5"]).b
        0.5
        """
        known = {f.name for f in dataclasses.fields(cls)}
        changes = {}
        for assignment in assignments:
            name, _, value = assignment.partition("=")
            if name not in known:
                raise ValueError(f"unknown ranking setting {name!r} (known: {', '.join(sorted(known))})")
            try:
                changes[name] = float(value)
            except ValueError:
                raise ValueError(f"ranking setting {name} needs a number, not {value!r}") from None
        return cls(**changes)


DEFAULT = Relevance()


def idf(frequency, documents: int, floor: float = DEFAULT.idf_floor):
    """The smoothed idf ``log((N + 1) / (df + 1)) + floor`` (array or number): scikit-learn's with another constant,
    never below ``floor`` (Whoosh's ``log(N / (df + 1)) + 1`` falls below zero in an index of one bulletin once
    its constant is under 0.7).

    >>> round(float(idf(9, 99, floor=1.0)), 4), round(float(idf(9, 99)), 4), round(float(idf(1, 1)), 4)
    (3.3026, 3.0526, 0.75)
    """
    return np.log((max(documents, 1) + 1) / (frequency + 1)) + floor


class Weighting(scoring.BM25F):
    """Whoosh's BM25F with the settings' ``k1``, ``b`` and idf floor, for what Whoosh scores itself (its searcher's
    model): the array evaluator and Whoosh's matchers then give the same scores."""

    def __init__(self, relevance: Relevance = DEFAULT):
        super().__init__(B=relevance.b, K1=relevance.k1)
        self.floor = relevance.idf_floor

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        return float(idf(parent.doc_frequency(fieldname, text), parent.doc_count_all(), self.floor))


def length_norm(lengths: np.ndarray, average: float, k1: float, b: float) -> np.ndarray:
    """BM25's length normalisation ``k1 * ((1 - b) + b * length / average)`` per document."""
    return k1 * ((1 - b) + b * lengths / (average or 1))


def bm25(tf, idf, norm, k1: float):
    """One term's BM25 score from its frequency, idf and the document's length normalisation."""
    return idf * ((tf * (k1 + 1)) / (tf + norm))


def bm25_into(tf: np.ndarray, idf: float, norm: np.ndarray, k1: float) -> np.ndarray:
    """``bm25`` of a posting list (``tf`` float64), the same floats with two arrays made instead of four;
    ``norm`` (the list's own gathered copy, float64) is overwritten.

    >>> tf, norm = np.array([1.0, 3.0]), np.array([0.9, 1.7])
    >>> bool((bm25_into(tf, 2.5, norm.copy(), 1.2) == bm25(tf, 2.5, norm, 1.2)).all())
    True
    """
    norm += tf  # tf + norm
    scores = tf * (k1 + 1)
    np.divide(scores, norm, out=scores)
    scores *= idf
    return scores


def complete_lift(scores: np.ndarray, complete: np.ndarray, partial: np.ndarray, share: float) -> np.ndarray:
    """Scores with the documents holding every word lifted by ``share`` of (the best partial score + 1).

    At 1 every complete match ranks above every partial one (a tier); below 1 the lift is bounded, so a
    partial match far ahead (it lacks only a common word) can still lead.
    """
    if share <= 0 or not partial.any() or not complete.any():
        return scores
    lift = share * (scores.take(np.flatnonzero(partial)).max() + 1.0)
    return scores + complete * lift  # the lift where complete, + 0.0 elsewhere: np.where's floats, 10x faster
