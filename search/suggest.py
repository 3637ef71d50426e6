"""Did-you-mean: diacritics for a query typed without them, from the index's own vocabulary.

``Vocabulary.build`` reads the ``content`` field's terms once per searcher and
keeps, for every diacritics-free form, the spelling found in the most
bulletins (then the most often): ``cai`` -> ``cải``, and for pyvi words
``cai_cach`` -> ``cải_cách``. It also counts spelled pairs of neighbouring
syllables in a bounded sample of stored texts (``PAIR_SAMPLE`` bulletins), since
context decides the accents: ``mot cua`` is ``một cửa``, though ``của`` is the
commoner syllable. ``suggest`` rewrites an unaccented query left to right,
preferring known pairs, then pyvi words, then single syllables. Words it does
not know, and queries typed with diacritics, are kept as typed.

``vocabulary_of`` builds an index state's vocabulary once, on its first
did-you-mean (one thread builds, the others wait for it), from at most
``SAMPLE_CHARS`` characters of each sampled bulletin.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .textnorm import fold, has_diacritics, unify_tones

MAX_WORD_SYLLABLES = 3
PAIR_SAMPLE = 1000
SAMPLE_CHARS = 20_000  # characters of each sampled bulletin read for pairs
_TOKEN = re.compile(r"\S+")


_SYLLABLE = re.compile(r"[^\W\d_]+")


def _spelled_pairs(text: str) -> Iterator[str]:
    """Neighbouring syllables separated by one space, lower case, new-style tones."""
    normal = text.lower()
    if len(normal) != len(text):
        return
    normal = unify_tones(normal)
    spans = [m.span() for m in _SYLLABLE.finditer(normal)]
    for (start, end), (next_start, next_end) in zip(spans, spans[1:], strict=False):
        if next_start == end + 1 and normal[end] == " ":
            yield normal[start:next_end]


@dataclass
class Vocabulary:
    best: dict[str, str]  # folded form -> most frequent spelling (syllables joined by "_")
    pairs: dict[str, str]  # folded "a b" -> most frequent spelled pair

    @classmethod
    def build(cls, reader, fieldname: str = "content", texts=()) -> Vocabulary:
        """From the terms of ``fieldname`` and the stored ``texts`` (an iterable, sampled)."""
        counts: dict[str, tuple[tuple[int, float], str]] = {}
        for term, info in reader.iter_field(fieldname):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            if not has_diacritics(text) or not text.replace("_", "").isalpha():
                continue
            key = fold(text)
            frequency = (info.doc_frequency(), info.weight())
            if frequency > counts.get(key, ((0, 0.0), ""))[0]:
                counts[key] = (frequency, text)
        spelled: Counter = Counter()
        for text in texts:
            spelled.update(_spelled_pairs(text))
        pairs: dict[str, tuple[int, str]] = {}
        for pair, count in spelled.items():
            key = fold(pair)
            if key != pair and count > pairs.get(key, (0, ""))[0]:
                pairs[key] = (count, pair)
        return cls({key: text for key, (_, text) in counts.items()}, {k: p for k, (_, p) in pairs.items()})

    def suggest(self, query: str) -> str | None:
        """The query with diacritics restored, or None when nothing would change."""
        words = _TOKEN.findall(query)
        if not words or has_diacritics(query) or any(w in ("AND", "OR", "NOT") or ":" in w for w in words):
            return None
        keys = [fold(w.lower()) for w in words]
        chosen: list[str | None] = [None] * len(words)
        for i in range(len(words) - 1):
            pair = self.pairs.get(f"{keys[i]} {keys[i + 1]}")
            if pair:
                first, second = pair.split(" ")
                if chosen[i] in (None, first):
                    chosen[i], chosen[i + 1] = first, second
        i = 0
        while i < len(words):
            if chosen[i] is None:
                for size in range(min(MAX_WORD_SYLLABLES, len(words) - i), 0, -1):
                    span = chosen[i : i + size]
                    found = self.best.get("_".join(keys[i : i + size])) if span.count(None) == size else None
                    if found:
                        chosen[i : i + size] = found.split("_")
                        break
            i += 1
        out = [_like(c, w) if c else w for c, w in zip(chosen, words, strict=True)]
        suggestion = " ".join(out)
        return suggestion if suggestion != " ".join(words) else None


def _like(spelling: str, typed: str) -> str:
    """``spelling`` with the capitalisation of what was typed."""
    if typed.isupper() and len(typed) > 1:
        return spelling.upper()
    return spelling.capitalize() if typed[:1].isupper() else spelling


def vocabulary_of(state) -> Vocabulary:
    """The vocabulary of an index state (``search.index_state``), built on first use."""
    with state.vocabulary_lock:
        if state.vocabulary is None:
            live = np.flatnonzero(state.table.live)
            sample = live[:: max(1, len(live) // PAIR_SAMPLE)][:PAIR_SAMPLE]
            searcher = state.searcher
            texts = (searcher.stored_fields(int(n)).get("content", "")[:SAMPLE_CHARS] for n in sample)
            state.vocabulary = Vocabulary.build(searcher.reader(), texts=texts)
        return state.vocabulary
