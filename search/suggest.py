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

``for_searcher`` builds a commit's vocabulary from at most ``SAMPLE_CHARS``
characters of each sampled bulletin. The indexer stores it with the commit's
other arrays (``search.arrays``) as sorted keys and values in ``.npy`` blobs
(``save_vocabulary``), which every serving process memory-maps and searches by
bisection (``SortedMap``): at 100,000 bulletins a vocabulary built in each
worker took 24 s and 140 MB there. ``vocabulary_of`` uses the stored one, or
builds an index state's own once, on its first did-you-mean (one thread builds,
the others wait for it).
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
    best: dict[str, str] | SortedMap  # folded form -> most frequent spelling (syllables joined by "_")
    pairs: dict[str, str] | SortedMap  # folded "a b" -> most frequent spelled pair

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


def for_searcher(searcher, live: np.ndarray) -> Vocabulary:
    """The vocabulary of a searcher's commit: its content terms and a sample of its live bulletins."""
    documents = np.flatnonzero(live)
    sample = documents[:: max(1, len(documents) // PAIR_SAMPLE)][:PAIR_SAMPLE]
    texts = (searcher.stored_fields(int(n)).get("content", "")[:SAMPLE_CHARS] for n in sample)
    return Vocabulary.build(searcher.reader(), texts=texts)


def vocabulary_of(state) -> Vocabulary:
    """The vocabulary of an index state (``search.index_state``): stored with its arrays, or built on first use."""
    if state.arrays.vocabulary is not None:
        return state.arrays.vocabulary
    with state.vocabulary_lock:
        if state.vocabulary is None:
            state.vocabulary = for_searcher(state.searcher, state.table.live)
        return state.vocabulary


class SortedMap:
    """A read-only str -> str map over sorted UTF-8 blobs (memory-mapped arrays), looked up by bisection."""

    def __init__(self, keys: np.ndarray, key_ends: np.ndarray, values: np.ndarray, value_ends: np.ndarray):
        self._keys, self._key_ends, self._values, self._value_ends = keys, key_ends, values, value_ends

    @staticmethod
    def arrays(mapping: dict[str, str]) -> dict[str, np.ndarray]:
        """The four arrays of a map: key bytes, where each key ends, value bytes, where each value ends."""
        items = sorted((k.encode("utf-8"), v.encode("utf-8")) for k, v in mapping.items())
        keys = [k for k, _ in items]
        values = [v for _, v in items]
        return {"keys": np.frombuffer(b"".join(keys), dtype=np.uint8),
                "key_ends": np.cumsum([len(k) for k in keys], dtype=np.int64),
                "values": np.frombuffer(b"".join(values), dtype=np.uint8),
                "value_ends": np.cumsum([len(v) for v in values], dtype=np.int64)}

    def _key(self, i: int) -> bytes:
        start = int(self._key_ends[i - 1]) if i else 0
        return self._keys[start:int(self._key_ends[i])].tobytes()

    def get(self, key: str, default=None):
        wanted = key.encode("utf-8")
        low, high = 0, len(self._key_ends)
        while low < high:
            middle = (low + high) // 2
            if self._key(middle) < wanted:
                low = middle + 1
            else:
                high = middle
        if low < len(self._key_ends) and self._key(low) == wanted:
            start = int(self._value_ends[low - 1]) if low else 0
            return self._values[start:int(self._value_ends[low])].tobytes().decode("utf-8")
        return default

    def __len__(self) -> int:
        return len(self._key_ends)


def save_vocabulary(folder, vocabulary: Vocabulary) -> None:
    """Write a vocabulary as ``vocabulary-{best,pairs}-{part}.npy`` files into ``folder``."""
    for name in ("best", "pairs"):
        for part, array in SortedMap.arrays(getattr(vocabulary, name)).items():
            np.save(folder / f"vocabulary-{name}-{part}.npy", array)


def load_vocabulary(folder) -> Vocabulary:
    """A stored vocabulary, memory-mapped (OSError or ValueError when absent or damaged)."""
    def mapped(name: str) -> SortedMap:
        parts = [np.asarray(np.load(folder / f"vocabulary-{name}-{part}.npy", mmap_mode="r"))
                 for part in ("keys", "key_ends", "values", "value_ends")]
        return SortedMap(*parts)
    return Vocabulary(mapped("best"), mapped("pairs"))
