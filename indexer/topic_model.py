"""Stage 3c: a classifier per topic that settles what the evidence rules (``indexer.topics``) leave in doubt.

The rules of ``search/data/topics.json`` say why a bulletin gets a topic, but on real pages they miss some (a report
on digital government worded in terms they do not list) and keep some that careful readers do not give. A linear
classifier per topic, logistic regression over the tf-idf of the words and word pairs of a bulletin's key (its
headline twice, then the first ``body_chars`` characters of its text; ``model_text``), trained on the labels of the
real collection's dev split (``python -m bench.topic_model``), settles them: a topic the rules give is dropped when its
probability is ``drop_below`` or less, and one they do not give is added when its probability is over ``add_above``.

The model is plain data, ``indexer/data/topic_model.json``: each feature's idf and its weight for every topic, each
topic's intercept, the two thresholds and how it was trained. Scoring it is what scikit-learn's ``TfidfVectorizer``
(``sublinear_tf``, l2 norm) and ``LogisticRegression.predict_proba`` compute, in a few array operations.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from itertools import repeat
from pathlib import Path

import numpy as np

from search.textnorm import normalize_key
from search.vocabulary import topics

MODEL = Path(__file__).parent / "data" / "topic_model.json"
_WORD = re.compile(r"\w+")


def model_text(title: str | None, body: str, title_times: int = 2, body_chars: int = 20_000) -> str:
    """The key a bulletin is classified on: its headline ``title_times`` times, then the start of its text."""
    return " . ".join([normalize_key(title or "")] * title_times + [normalize_key(body[:body_chars])])


def features(text: str) -> Counter:
    """How often a key holds each word and each pair of adjacent words ("bộ", "máy", "bộ máy"); the words as
    scikit-learn's default ``token_pattern`` finds them."""
    words = _WORD.findall(text)
    counts = Counter(words)
    counts.update(map(" ".join, zip(words, words[1:], strict=False)))
    return counts


class TopicModel:
    """The model file's arrays: ``topics`` (ids), ``idf`` (a row per feature), ``weights`` (rows x topics),
    ``intercepts`` (topics), and the file's settings. Its words are numbered (``words``: word -> number) and each
    word pair is a number made of its two words' (``pairs``, sorted, and ``pair_rows`` beside them): a text is
    scored by looking each of its words up once, its pairs in arrays. Every word of a pair is a feature too (both
    were seen in as many bulletins as the pair, or more)."""

    def __init__(self, data: dict):
        self.topics = tuple(data["topics"])
        rows = data["features"]
        self.idf = np.array([idf for _, idf, _ in rows], dtype=np.float64)
        self.weights = np.array([weights for _, _, weights in rows], dtype=np.float64).reshape(len(rows),
                                                                                              len(self.topics))
        self.intercepts = np.array(data["intercepts"], dtype=np.float64)
        self.drop_below, self.add_above = data["drop_below"], data["add_above"]
        self.title_times, self.body_chars = data["title_times"], data["body_chars"]
        singles = [(feature, row) for row, (feature, _, _) in enumerate(rows) if " " not in feature]
        self.words = {word: number for number, (word, _) in enumerate(singles)}
        self.word_rows = np.array([row for _, row in singles], dtype=np.int64)
        paired = sorted((self._pair(*feature.split(" ")), row) for row, (feature, _, _) in enumerate(rows)
                        if " " in feature)
        self.pairs = np.array([pair for pair, _ in paired], dtype=np.int64)
        self.pair_rows = np.array([row for _, row in paired], dtype=np.int64)
        self.opens = np.zeros(len(self.words) + 1, dtype=bool)  # the words a known pair opens with (the last entry:
        self.opens[self.pairs // max(1, len(self.words))] = True  # an unknown word, numbered -1)

    def _pair(self, first: str, second: str) -> int:
        return self.words[first] * len(self.words) + self.words[second]

    def rows(self, text: str) -> np.ndarray:
        """The feature row of each word and word pair of a key that the model knows, once per occurrence."""
        numbers = np.fromiter(map(self.words.get, _WORD.findall(text), repeat(-1)), dtype=np.int64)
        pairs = numbers[:-1] * len(self.words) + numbers[1:]
        pairs = pairs[self.opens[numbers[:-1]] & (numbers[1:] >= 0)]  # most pairs open on no known pair's word
        at = np.minimum(np.searchsorted(self.pairs, pairs), len(self.pairs) - 1) if len(self.pairs) else pairs[:0]
        known = self.pairs[at] == pairs if len(self.pairs) else np.zeros(0, dtype=bool)
        return np.concatenate([self.word_rows[numbers[numbers >= 0]], self.pair_rows[at[known]]])

    def probabilities(self, title: str | None, body: str) -> dict[str, float]:
        """Each topic's probability for a bulletin."""
        rows, counts = np.unique(self.rows(model_text(title, body, self.title_times, self.body_chars)),
                                 return_counts=True)
        scores = self.intercepts.copy()
        if len(rows):
            values = (1.0 + np.log(counts)) * self.idf[rows]
            scores += (values / np.sqrt(values @ values)) @ self.weights[rows]
        return dict(zip(self.topics, (1.0 / (1.0 + np.exp(-scores))).tolist(), strict=True))


@cache
def topic_model(path: Path = MODEL) -> TopicModel:
    """The model file, read once per process."""
    with open(path, encoding="utf-8") as handle:
        return TopicModel(json.load(handle))


def refine(assigned: list[str], title: str | None, body: str, model: TopicModel | None = None) -> list[str]:
    """``assigned`` settled by the classifier's probabilities for the bulletin (``settle``), in taxonomy order."""
    model = model or topic_model()
    kept = settle(assigned, model.probabilities(title, body), model.drop_below, model.add_above)
    return [topic.id for topic in topics() if topic.id in kept]


def settle(assigned, chance: dict[str, float], drop_below: float, add_above: float) -> set[str]:
    """The topics ``assigned`` but those the classifier gives ``drop_below`` or less (a topic it does not model
    is kept), and those it gives more than ``add_above``."""
    return ({topic for topic in assigned if chance.get(topic, 1.0) > drop_below}
            | {topic for topic, p in chance.items() if p > add_above})
