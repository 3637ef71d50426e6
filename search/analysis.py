"""The Vietnamese analyzer, defined once and attached to the schema.

Text flows: scan -> segment -> tokens -> filters.

* ``scan`` splits NFC text into spans ``(start, end, kind)``: whole document
  numbers (``61/2018/NĐ-CP``), numbers with separators, syllables and
  punctuation. Offsets point into the text given, so highlights land on the
  right characters.
* ``segment`` asks pyvi's CRF model which neighbouring syllables form one word
  (``cải cách hành chính`` -> ``cải_cách hành_chính``), one line at a time, and
  returns the character spans of the multi-syllable words. Results are kept in a
  bounded cache keyed by a hash of the text; the indexer's worker processes
  segment in parallel and hand their results to ``prime_segmentation``.
* ``VietnameseTokenizer`` yields one token per syllable and, for the words
  form, the pyvi word as an extra token at the position of its first syllable,
  so a field answers syllable queries and whole-word queries alike.

Three analyzers, one per form: ``WORDS`` (lower case, new-style tones, and
the two spellings of a syllable whose one vowel is i or y, "tỷ lệ" / "tỉ lệ",
as one: ``textnorm.unify_spelling``; the ``title`` and ``content`` fields),
``FOLDED`` (syllables without diacritics; the ``*_folded`` fields) and
``PAIRS`` (each two neighbouring folded syllables as one token, ``cai cach``,
at the position of its first syllable; the
``*_pairs`` fields, which answer phrases and proximity). A pair never spans a
sentence end, a line break or other breaking punctuation (``breaks``) - except
a hard wrap inside a sentence, a line that goes on in lower case - so the
pairs of a phrase standing at consecutive positions prove the phrase is there
as written. Numbers written with separators (``3,4``, ``1.500``) are indexed
whole and, in the words and folded forms, also as their parts, so "mức độ 3, 4"
and "mức độ 3,4" find each other. The pyvi model is loaded lazily, so the
analyzers pickle into the index schema without it.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from whoosh.analysis import Token, Tokenizer

from .crffeatures import sent2attributes
from .docnumbers import DOCNUMBER_TOKEN, canonical_number
from .textnorm import fold, unify_spelling

_SCAN = re.compile(  # a document number starts with a digit: "(?=\d)" spares trying it elsewhere (40% of the scan)
    rf"(?P<ref>(?=\d)(?:{DOCNUMBER_TOKEN.pattern}))"
    r"|(?P<num>\d+(?:[.,]\d+)+)"
    r"|(?P<word>[^\W_]+)"
    r"|(?P<punct>[^\w\s])"
)
_PUNCTUATION = set(string.punctuation) | set("“”‘’–—…«»")
_BREAK = re.compile(r"[.!?;:…\n\r]")  # between two syllables, ends a phrase (commas, dashes, quotes do not)
_NUMBER_PART = re.compile(r"\d+")
_REF_PREFIX = re.compile(r"\d+[a-z]?/(?:19|20)\d\d(?=/)", re.I)
SEGMENT_CACHE_SIZE = 2_048  # the indexer primes just before writing; queries are short
DOTTED = Path(__file__).parent / "data" / "dotted.json"  # abbreviations whose full stop ends no sentence


class Span(NamedTuple):
    """One scanned piece of text: character offsets and its kind."""

    start: int
    end: int
    kind: str  # "ref", "num", "word" or "punct"


def scan(text: str) -> list[Span]:
    """Split ``text`` into spans of document numbers, numbers, syllables, punctuation."""
    return [Span(m.start(), m.end(), m.lastgroup) for m in _SCAN.finditer(text)]


def _is_syllable(text: str, span: Span) -> bool:
    return span.kind == "word" and not text[span.start].isdigit()


def _joinable(text: str, left: Span, right: Span) -> bool:
    """Whether pyvi's I_W label may glue ``right`` onto ``left`` (pyvi's own rules)."""
    if not (_is_syllable(text, left) and _is_syllable(text, right)):
        return False
    gap = text[left.end : right.start]
    if not gap or gap.strip() or "\n" in gap:
        return False
    return not (text[right.start].istitle() and not text[left.start].istitle())


def _lines(spans: list[Span], text: str) -> Iterable[list[Span]]:
    """Group spans into lines: pyvi labels one line (one paragraph) at a time."""
    line: list[Span] = []
    for span in spans:
        if line and "\n" in text[line[-1].end : span.start]:
            yield line
            line = []
        line.append(span)
    if line:
        yield line


def _pyvi():
    from pyvi.ViTokenizer import ViTokenizer  # loads the CRF model on first use

    return ViTokenizer


def _labels(sentences: list[list[str]]) -> list[list[str]]:
    """pyvi's label (``B_W``, ``I_W``) of each token of each sentence: its model's CRFsuite tagger, as
    ``model.predict`` runs it, over our attributes of pyvi's features (``search.crffeatures``)."""
    vi = _pyvi()
    tagger = vi.model.tagger_
    return [tagger.tag(sent2attributes(words, vi.bi_grams, vi.tri_grams)) for words in sentences]


def _segment_uncached(text: str, spans: list[Span]) -> tuple[tuple[int, int], ...]:
    lines = [line for line in _lines(spans, text) if len(line) > 1]
    if not lines:
        return ()
    labels = _labels([[text[s.start : s.end] for s in line] for line in lines])
    words: list[tuple[int, int]] = []
    for line, tags in zip(lines, labels, strict=True):
        start = None
        for i in range(1, len(line)):
            glued = tags[i] == "I_W" and _joinable(text, line[i - 1], line[i])
            if glued and start is None:
                start = line[i - 1].start
            if not glued and start is not None:
                words.append((start, line[i - 1].end))
                start = None
        if start is not None:
            words.append((start, line[-1].end))
    return tuple(words)


_cache: OrderedDict[bytes, tuple[tuple[int, int], ...]] = OrderedDict()
_cache_lock = threading.Lock()


def text_digest(text: str) -> bytes:
    """The cache key of a text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def prime_segmentation(text: str, words: Iterable[tuple[int, int]]) -> None:
    """Store a segmentation computed elsewhere (a worker process) for ``text``."""
    _remember(text_digest(text), tuple(tuple(w) for w in words))


def _remember(key: bytes, words: tuple[tuple[int, int], ...]) -> None:
    with _cache_lock:  # searches in several threads share the cache
        _cache[key] = words
        _cache.move_to_end(key)
        while len(_cache) > SEGMENT_CACHE_SIZE:
            _cache.popitem(last=False)


def _recall(key: bytes) -> tuple[tuple[int, int], ...] | None:
    with _cache_lock:
        words = _cache.get(key)
        if words is not None:
            _cache.move_to_end(key)
        return words


def segment(text: str, spans: list[Span] | None = None) -> tuple[tuple[int, int], ...]:
    """Character spans of the multi-syllable words of ``text``, by pyvi."""
    key = text_digest(text)
    words = _recall(key)
    if words is None:
        words = _segment_uncached(text, scan(text) if spans is None else spans)
        _remember(key, words)
    return words


def compound_text(text: str, start: int, end: int) -> str:
    """The word ``text[start:end]`` in pyvi's notation: syllables joined by ``_``."""
    return "_".join(text[start:end].split())


FORMS = ("words", "folded", "pairs")


class Prepared(NamedTuple):
    """A text scanned once and normalised once, shared by the analyzers of its three fields."""

    spans: list[Span]  # syllables, numbers and document numbers (no punctuation)
    normal: str  # lower case, new-style tones, a lone y as i (``unify_spelling``; same length as the text)
    folded: str  # ``normal`` without diacritics (same length)
    joined: list[bool]  # per neighbouring pair of spans: no break between them (``breaks``)


def _lower_keeping_offsets(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)  # e.g. İ


_prepared: OrderedDict[bytes, Prepared] = OrderedDict()


def prepare(text: str) -> Prepared:
    """Spans and normalised forms of ``text`` (the last few texts are kept: a bulletin's
    content is analysed for three fields in a row)."""
    key = text_digest(text)
    found = _prepared.get(key)
    if found is None:
        normal = unify_spelling(_lower_keeping_offsets(text))
        spans = [sp for sp in scan(text) if sp.kind != "punct"]
        found = Prepared(spans, normal, fold(normal), joins(text, spans))
        _prepared[key] = found
        while len(_prepared) > 8:
            _prepared.popitem(last=False)
    return found


def joins(text: str, spans: list[Span]) -> list[bool]:
    r"""For each two neighbouring spans, whether they stand in one phrase (no break between them).

    >>> text = "cải cách. Hành chính, một cửa\nliên thông\nKế hoạch"
    >>> joins(text, [s for s in scan(text) if s.kind != "punct"])
    [True, False, True, True, True, True, True, False, True]
    """
    breaks = [m.start() for m in _BREAK.finditer(text)]
    out, at = [], 0
    for left, right in zip(spans, spans[1:], strict=False):
        while at < len(breaks) and breaks[at] < left.end:
            at += 1
        broken = at < len(breaks) and breaks[at] < right.start and not _abbreviation(text, left, breaks[at])
        out.append(not broken or _wrapped(text, left, right))
    return out


def _wrapped(text: str, left: Span, right: Span) -> bool:
    r"""A hard line wrap inside a sentence (legal texts wrap at a fixed width): only white space between
    the two, and the next line goes on in lower case.

    >>> _wrapped("một cửa\nliên thông", Span(4, 7, "word"), Span(8, 11, "word"))
    True
    >>> _wrapped("KẾ HOẠCH\nCải cách", Span(3, 8, "word"), Span(9, 12, "word"))
    False
    """
    return not text[left.end : right.start].strip() and text[right.start].islower()


def _abbreviation(text: str, span: Span, stop: int) -> bool:
    """A full stop right after an abbreviation such as "TP." or "ThS." does not end a sentence."""
    return stop == span.end and text[stop] == "." and text[span.start : span.end].lower() in dotted_abbreviations()


@cache
def dotted_abbreviations() -> frozenset[str]:
    """Abbreviations written with a full stop ("TP.", "ThS."), lower case: the stop ends no sentence."""
    with open(DOTTED, encoding="utf-8") as handle:
        return frozenset(w.lower() for w in json.load(handle)["dotted"])


def number_parts(text: str, span: Span) -> list[str]:
    """Extra tokens of a number or document number: the digit groups of ``3,4`` (3, 4), the
    number and year of ``107/2021/NĐ-CP`` (107/2021, so "nghị định 107/2021" finds it); else none.

    >>> number_parts("mức độ 3,4", Span(7, 10, "num"))
    ['3', '4']
    >>> number_parts("số 107/2021/nđ-cp", Span(3, 17, "ref"))
    ['107/2021']
    """
    if span.kind == "ref":
        found = _REF_PREFIX.match(text, span.start, span.end)
        return [found.group(0)] if found else []
    if span.kind != "num":
        return []
    return _NUMBER_PART.findall(text, span.start, span.end)


class VietnameseTokenizer(Tokenizer):
    """Vietnamese tokens with exact offsets, normalised as a whole text rather than token by token.

    ``form`` is "words" (syllables and pyvi words, lower case, new-style tones), "folded" (syllables
    without diacritics) or "pairs" (each two neighbouring folded syllables). Lower-casing, tone
    unification and folding keep every character in place, so one pass over the text replaces a
    chain of per-token filters (which cost more than pyvi itself at indexing time).
    """

    def __init__(self, form: str = "words"):
        if form not in FORMS:
            raise ValueError(f"unknown form {form!r}; expected one of {FORMS}")
        self.form = form

    def __eq__(self, other):
        return type(other) is type(self) and other.form == self.form

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            normal = unify_spelling(_lower_keeping_offsets(value))
            yield self._fill(token, fold(normal) if self.form != "words" else normal, start_pos, 0,
                             len(value), start_char, keeporiginal)
            return
        prepared = prepare(value)
        text = prepared.normal if self.form == "words" else prepared.folded
        if self.form == "pairs":
            yield from self._pairs(token, prepared, text, start_pos, start_char, keeporiginal)
            return
        words = dict(segment(value)) if self.form == "words" else {}
        for pos, span in enumerate(prepared.spans, start_pos):
            yield self._fill(token, _piece(text, span), pos, span.start, span.end, start_char, keeporiginal)
            for part in number_parts(text, span):
                yield self._fill(token, part, pos, span.start, span.end, start_char, keeporiginal)
            end = words.get(span.start)
            if end is not None:
                word = compound_text(text, span.start, end)
                yield self._fill(token, word, pos, span.start, end, start_char, keeporiginal)

    def terms(self, value: str) -> list[str]:
        """Every term ``__call__`` yields when indexing ``value``, as plain strings (no Token objects).

        The indexer counts these directly (``search.schema.VietnameseText``); a test checks that the
        counts equal Whoosh's own counting of ``__call__``'s tokens.
        """
        prepared = prepare(value)
        text = prepared.normal if self.form == "words" else prepared.folded
        if self.form == "pairs":
            return [pair for pair, _ in self.pairs(value)]
        pieces = [_piece(text, span) for span in prepared.spans]
        pieces += [part for span in prepared.spans if span.kind != "word" for part in number_parts(text, span)]
        if self.form == "words":
            pieces += [compound_text(text, start, end) for start, end in segment(value)]
        return pieces

    @staticmethod
    def pairs(value: str) -> list[tuple[str, int]]:
        """(pair, position of its first syllable) for every two neighbouring syllables not split by a break."""
        prepared = prepare(value)
        spans, text = prepared.spans, prepared.folded
        return [(f"{_piece(text, spans[i])} {_piece(text, spans[i + 1])}", i)
                for i, joined in enumerate(prepared.joined) if joined]

    def _pairs(self, token, prepared, text, start_pos, start_char, keeporiginal):
        spans = prepared.spans
        for i, joined in enumerate(prepared.joined):
            if joined:
                left, right = spans[i], spans[i + 1]
                pair = f"{_piece(text, left)} {_piece(text, right)}"
                yield self._fill(token, pair, start_pos + i, left.start, right.end, start_char, keeporiginal)

    @staticmethod
    def _fill(token, text, pos, start, end, start_char, keeporiginal):
        token.text = text
        token.boost = 1.0
        token.stopped = False
        if keeporiginal:
            token.original = text
        if token.positions:
            token.pos = pos
        if token.chars:
            token.startchar = start_char + start
            token.endchar = start_char + end
        return token


def _piece(text: str, span: Span) -> str:
    piece = text[span.start : span.end]
    return canonical_number(piece) if span.kind == "ref" else piece


def pair_terms(syllables: list[str]) -> list[str]:
    """The ``*_pairs`` terms of a sequence of folded syllables."""
    return [f"{a} {b}" for a, b in zip(syllables, syllables[1:], strict=False)]


WORDS = VietnameseTokenizer("words")
FOLDED = VietnameseTokenizer("folded")
PAIRS = VietnameseTokenizer("pairs")


def analyze(analyzer, text: str, **kwargs) -> list[tuple[str, int, int, int]]:
    """(text, pos, startchar, endchar) of every token, for tests and queries."""
    return [(t.text, t.pos, t.startchar, t.endchar)
            for t in analyzer(text, positions=True, chars=True, **kwargs)]
