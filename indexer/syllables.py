"""How plausible a text is as Vietnamese, to choose between readings of the same bytes.

A Vietnamese word is one syllable: an optional initial consonant, a rhyme and at
most one tone mark, which sits on a vowel (``data/syllables.json`` lists the
initials and rhymes). ``vietnamese_score`` is the share of a text's words with a
non-ASCII character that are such syllables. Only those words count because
they are the ones a wrong reading changes: in mojibake ("C¶i c¸ch", "Caûi
caùch") almost none is a syllable, in the right reading almost all are, and
ASCII words (numbers, "UBND", English) read the same in every encoding.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from search.textnorm import TONE_MARKS

DATA = Path(__file__).parent / "data" / "syllables.json"
SAMPLE_WORDS = 2000  # words with non-ASCII letters scored at most: enough to tell readings apart
VOWELS = frozenset("aeiouy")
# a word: anything between white space and common punctuation (not the Latin-1 symbols mojibake is made of)
_WORD = re.compile(r"[^\s!-/:-@\[-`{-~\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DIGIT = re.compile(r"\d")


@cache
def _syllable_pattern() -> re.Pattern:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    initials, rhymes = (sorted(data[key], key=len, reverse=True) for key in ("initials", "rhymes"))
    return re.compile(f"(?:{'|'.join(initials)})?(?:{'|'.join(rhymes)})")


def _without_tone(word: str) -> str | None:
    """The lowercase NFC word without its tone mark; None for two tones or a tone on a consonant."""
    kept: list[str] = []
    base, tones = "", 0
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in TONE_MARKS:
            tones += 1
            if tones > 1 or base not in VOWELS:
                return None
        else:
            kept.append(ch)
            if not unicodedata.combining(ch):
                base = ch
    return unicodedata.normalize("NFC", "".join(kept))


@lru_cache(maxsize=65536)  # words repeat: a cache makes scoring a long text several times faster
def is_syllable(word: str) -> bool:
    """True when ``word`` is spelled like a Vietnamese syllable.

    >>> [is_syllable(w) for w in ("Nghiệp", "quốc", "hành", "chÝnh", "c¸ch", "haønh")]
    [True, True, True, False, False, False]
    """
    bare = _without_tone(word)
    return bare is not None and _syllable_pattern().fullmatch(bare) is not None


def _counts(word: str) -> bool:
    """True for a word that tells readings apart: a non-ASCII character, a letter, no digit."""
    return bool(_NON_ASCII.search(word)) and not _DIGIT.search(word) and any(ch.isalpha() for ch in word)


def vietnamese_score(text: str, sample: int = SAMPLE_WORDS) -> float:
    """The share of the first ``sample`` words with a non-ASCII character that are Vietnamese syllables.

    Words are what stands between spaces and common punctuation; those with a
    digit or without any letter ("©", "½") do not count. A text with no word that
    counts scores 1.0: no reading of its bytes is more Vietnamese than another.

    >>> vietnamese_score("Báo cáo quý 3/2021 về cải cách hành chính")
    1.0
    >>> vietnamese_score("B¸o c¸o quý 3/2021 vÒ c¶i c¸ch hµnh chÝnh")
    0.25
    """
    scored = valid = 0
    for found in _WORD.finditer(text):
        word = found.group()
        if not _counts(word):
            continue
        scored += 1
        valid += is_syllable(word)
        if scored >= sample:
            break
    return valid / scored if scored else 1.0
