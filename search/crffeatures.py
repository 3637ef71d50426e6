"""pyvi's CRF features for a sentence, computed once per token instead of up to three times.

pyvi's ``ViTokenizer.sent2features`` builds each token's feature dict from
scratch, lower-casing and testing every neighbour again, and joins and
lower-cases each bigram and trigram. ``sent2features`` here returns the very
same dicts (same keys, values and order - a test compares them with pyvi's on
real bulletins) from per-token values computed once: the lower-cased forms
come from one ``lower()`` of the whole sentence, which gives each token the
lower case it gets inside pyvi's joined n-grams.
"""

from __future__ import annotations


def sent2features(words: list[str], bigrams: set[str], trigrams: set[str]) -> list[dict]:
    """The feature dict of every token of ``words`` (tokens hold no spaces), as pyvi computes it."""
    size = len(words)
    if size == 0:
        return []
    lower = " ".join(words).lower().split(" ")
    if len(lower) != size:  # a lower-case form with a space: compute as pyvi does
        lower = [w.lower() for w in words]
    title = [w.istitle() for w in words]
    upper = [w.isupper() for w in words]
    pairs = [f"{lower[i]} {lower[i + 1]}" in bigrams for i in range(size - 1)]
    triples = [f"{lower[i]} {lower[i + 1]} {lower[i + 2]}" in trigrams for i in range(size - 2)]
    out = []
    for i, word in enumerate(words):
        features = {"bias": 1.0, "word.lower()": lower[i], "word.isupper()": upper[i],
                    "word.istitle()": title[i], "word.isdigit()": word.isdigit()}
        if i > 0:
            features["-1:word.lower()"] = lower[i - 1]
            features["-1:word.istitle()"] = title[i - 1]
            features["-1:word.isupper()"] = upper[i - 1]
            features["-1:word.bi_gram()"] = pairs[i - 1]
            if i > 1:
                features["-2:word.tri_gram()"] = triples[i - 2]
        if i < size - 1:
            features["+1:word.lower()"] = lower[i + 1]
            features["+1:word.istitle()"] = title[i + 1]
            features["+1:word.isupper()"] = upper[i + 1]
            features["+1:word.bi_gram()"] = pairs[i]
            if i < size - 2:
                features["+2:word.tri_gram()"] = triples[i]
        out.append(features)
    return out
