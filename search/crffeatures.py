"""pyvi's CRF features for a sentence, as the attribute lists CRFsuite reads, computed once per token.

pyvi's ``ViTokenizer.sent2features`` builds each token's feature dict from
scratch, lower-casing and testing every neighbour again, and joins and
lower-cases each bigram and trigram; python-crfsuite then turns each dict into
CRFsuite's attributes: a string value ``"word.lower()": "cải"`` is the
attribute ``word.lower():cải`` of weight 1, a number or a boolean is an
attribute of that weight (``True`` 1, ``False`` 0). ``sent2attributes`` here
returns those attributes directly, in the dicts' order, each token's values
computed once (the lower-cased forms come from one ``lower()`` of the whole
sentence, which gives each token the lower case it gets inside pyvi's joined
n-grams), and leaves out the attributes of weight 0: CRFsuite adds weight times
the model's coefficient to a label's score, attribute by attribute in order,
and adding 0 changes no sum, so the labels are pyvi's own, bit for bit (tests
compare the attributes with pyvi's converted dicts and the labels with pyvi's
on real bulletins). Building the dicts and converting them cost twice the
tagging itself.
"""

from __future__ import annotations

from itertools import product


def _flags(*names: str) -> dict[tuple[bool, ...], tuple[str, ...]]:
    """For each combination of the flags' values, the names of those set, in order."""
    return {values: tuple(name for name, value in zip(names, values, strict=True) if value)
            for values in product((False, True), repeat=len(names))}


OWN = _flags("word.isupper()", "word.istitle()", "word.isdigit()")
BEFORE = _flags("-1:word.istitle()", "-1:word.isupper()", "-1:word.bi_gram()")
AFTER = _flags("+1:word.istitle()", "+1:word.isupper()", "+1:word.bi_gram()")


def sent2attributes(words: list[str], bigrams: set[str], trigrams: set[str]) -> list[list[str]]:
    """CRFsuite's attributes of weight 1 for every token of ``words`` (tokens hold no spaces), as pyvi's
    features give them."""
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
        attributes = ["bias", f"word.lower():{lower[i]}", *OWN[upper[i], title[i], word.isdigit()]]
        if i > 0:
            attributes.append(f"-1:word.lower():{lower[i - 1]}")
            attributes += BEFORE[title[i - 1], upper[i - 1], pairs[i - 1]]
            if i > 1 and triples[i - 2]:
                attributes.append("-2:word.tri_gram()")
        if i < size - 1:
            attributes.append(f"+1:word.lower():{lower[i + 1]}")
            attributes += AFTER[title[i + 1], upper[i + 1], pairs[i]]
            if i < size - 2 and triples[i]:
                attributes.append("+2:word.tri_gram()")
        out.append(attributes)
    return out
