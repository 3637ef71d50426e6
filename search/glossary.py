"""English terms of administrative reform rendered in the Vietnamese the bulletins use, for did-you-mean.

A researcher reading international reports types "one-stop shop" or "PAR index"; the bulletins say "một cửa" and
"chỉ số cải cách hành chính", so the English query finds nothing. ``translate`` rewrites a query's English terms
with ``search/data/glossary.json`` (the longest term first, hyphens as spaces) and drops English function words
around them, keeping numbers and a place's name as typed ("Quang Nam"). A query with no English term of the
glossary, or with other words left (Vietnamese typed without accents, English the glossary lacks), is not
rewritten: the accents' suggestion (``search.suggest``) serves it.
"""

from __future__ import annotations

from functools import cache

from .understanding import understand
from .vocabulary import _load

_PUNCTUATION = "\"'.,;:!?()[]"


def _words(query: str) -> list[str]:
    """The query's words: a token holding a digit or a slash whole ("61/2018/NĐ-CP", "2022"), others split at
    their hyphens ("one-stop", "e-government"), outer punctuation off."""
    words = []
    for token in query.split():
        token = token.strip(_PUNCTUATION)
        parts = [token] if any(c.isdigit() or c == "/" for c in token) else token.split("-")
        words += [part for part in parts if part]
    return words


@cache
def _glossary() -> tuple[dict[tuple[str, ...], str], int, frozenset[str]]:
    data = _load("glossary.json")
    terms = {tuple(_words(key.lower())): value for key, value in data["terms"].items()}
    return terms, max(len(key) for key in terms), frozenset(data["function_words"])


PLACE_WORDS = 5  # words a place's name takes at most, with its unit word


def _places_only(words: list[str]) -> bool:
    """Whether the words a query keeps as typed are a place's ("Quang Nam", "huyện Mộc Châu"): query understanding
    names a province or a district in them, and they are at most ``PLACE_WORDS`` (a word beside the place within
    that count is kept too); a query mixing English with Vietnamese words ("chi so par index") is left to the
    accents' suggestion."""
    if not words:
        return True
    named = understand(" ".join(words))
    return bool(named.get("province") or named.get("district") or named.get("province_2025")) \
        and len(words) <= PLACE_WORDS


def translate(query: str) -> str | None:
    """The query with its English terms in Vietnamese, or None when it holds none.

    >>> translate("one-stop shop results in Quang Nam")
    'một cửa kết quả Quang Nam'
    >>> translate("PAR Index 2022"), translate("one-stop 61/2018/NĐ-CP")
    ('chỉ số cải cách hành chính 2022', 'một cửa 61/2018/NĐ-CP')
    >>> translate("một cửa"), translate("Quang Nam"), translate("SIPAS 2020"), translate("chi so par index")
    (None, None, None, None)
    """
    terms, longest, function_words = _glossary()
    words = _words(query)
    out, left, found, i = [], [], False, 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            key = tuple(word.lower() for word in words[i:i + size])
            if key in terms:
                out.append(terms[key])
                found, i = True, i + size
                break
        else:
            out.append(words[i])
            if words[i].lower() not in function_words and not any(c.isdigit() for c in words[i]):
                left.append(words[i])
            i += 1
    rendered = " ".join(word for word in out if word.lower() not in function_words)
    if not found or rendered.lower() == " ".join(words).lower() or not _places_only(left):
        return None
    return rendered
