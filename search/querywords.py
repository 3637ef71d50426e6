"""Query-time vocabularies: function words, abbreviations and synonyms, read when a query is compiled.

Function words (``data/stopwords.json``) are never required in a query and
weigh little; an abbreviation and its spelled-out phrase
(``data/abbreviations.json``) find each other, and so do the phrases of one
group of synonyms (``data/synonyms.json``), a synonym weighing less than the
query's own words. Documents are indexed without
any of them, so this module and its files are outside the indexing pipeline:
editing them re-extracts no bulletin (``indexer.fingerprint``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .textnorm import fold, normalize_key, unify_spelling

DATA = Path(__file__).parent / "data"


def _load(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation (lower case) -> spelled-out phrase (normalised as the search fields are: ``_key``)."""
    return {_key(k): _key(v) for k, v in _load("abbreviations.json")["abbreviations"].items()}


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Phrase (normalised as the search fields are) -> the other phrases of its group of synonyms."""
    out: dict[str, tuple[str, ...]] = {}
    for group in _load("synonyms.json")["groups"]:
        phrases = [_key(phrase) for phrase in group]
        for phrase in phrases:
            out[phrase] = tuple(other for other in phrases if other != phrase)
    return out


@cache
def function_words() -> frozenset[str]:
    """Vietnamese function words (lower case, new-style tones): never required, barely scored.

    Multi-syllable entries ("đối với") are matched as whole pyvi words or syllable runs.
    """
    return frozenset(_key(w) for w in _load("stopwords.json")["words"])


def _key(text: str) -> str:
    """A word or phrase as the search fields and the query's syllables write it (lower case, new-style tones, a lone
    y after its initial written i: ``textnorm.unify_spelling``)."""
    return unify_spelling(normalize_key(text))


@cache
def folded_function_words() -> frozenset[str]:
    """``function_words`` folded (diacritics removed): what a query typed without marks may spell."""
    return frozenset(fold(w) for w in function_words())
