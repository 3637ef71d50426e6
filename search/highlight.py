"""Highlight stage: the best fragment of a text with the query's words marked.

Works on the text as a whole, which is fast (no word segmentation, no
per-syllable Python at query time): the query's words and phrases
(``compiler.Highlights``) are sequences of syllables, all found with one
regular expression over the folded text, and marked only where its
syllables stand together,
so a search for "hành chính" marks "hành chính" but not the "hành" of "ban
hành". Accented query syllables compare exactly (tone placement unified),
unaccented ones by their folded form. Text is HTML-escaped; only the
``<mark>`` tags are markup.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

from .compiler import Highlights
from .limits import Deadline
from .textnorm import LONE_I_FOLDED, fold, folding_alike, folding_class, unify_spelling

SNIPPET_CHARS = 240
MAX_MARKS = 2_000  # marks a snippet window is chosen among (and collected per word or phrase)
SNIPPET_SCAN = 100_000  # characters of a bulletin a snippet is chosen from
CHUNK_CHARS = 100_000  # characters normalised and searched at a time
MAX_MARKS_DOCUMENT = 2_000  # marks per word or phrase on a whole bulletin's page
DOCUMENT_SCAN = 1_000_000  # characters of a bulletin's page searched for marks
CHECK_EVERY = 256  # pattern matches between deadline checks


def _lowered(text: str) -> str:
    """Lower case, every offset kept."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character whose lower case is longer (İ)
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered


_BETWEEN = r"(?:\s|[,\-–—\"“”'‘’()])+"  # what may stand inside a phrase (as ``analysis.joins``): no . ; : ! ?
_PART = re.compile(r"[^\s,\-–—\"“”'‘’()]+")  # the pieces between those separators


def _pieces(sequence) -> tuple[tuple[str, bool], ...]:
    """A sequence as the pieces a match splits into (a document number "61/2018/nđ-cp" is two)."""
    return tuple((piece, accented) for syllable, accented in sequence for piece in _PART.findall(syllable))


_DIGITS = re.compile(r"\d[\d/.]*")


def anchors(folded_forms) -> tuple[str, ...] | None:
    """A run of digits from each folded form ("61/2018/" of "61/2018/nd", "cp"), which lower-casing and
    folding leave as they are: a chunk holding none of them cannot match. None when one form has no digit.

    >>> anchors([("61/2018/nd", "cp"), ("107/2021/nd", "cp")]), anchors([("61/2018/nd", "cp"), ("mot", "cua")])
    (('61/2018/', '107/2021/'), None)
    """
    found = []
    for form in folded_forms:
        runs = [run for piece in form for run in _DIGITS.findall(piece)]
        if not runs:
            return None
        found.append(max(runs, key=len))
    return tuple(found)


@lru_cache(maxsize=256)
def _combined(sequences: frozenset) -> tuple[re.Pattern, dict]:
    """One pattern for every sequence (longest first, so a phrase wins over its words), and the
    sequences each folded form stands for (accents differ: "bản" and "ban" fold alike)."""
    variants: dict[tuple[str, ...], list] = {}
    for sequence in sequences:
        pieces = _pieces(sequence)
        variants.setdefault(tuple(fold(piece) for piece, _ in pieces), []).append(pieces)
    ordered = sorted((f for f in variants if f), key=lambda f: (-len(f), -len(" ".join(f)), f))
    if not ordered:  # only separators: nothing to mark
        return re.compile(r"(?!)"), variants
    first = "".join(sorted({char for folded in ordered for char in folding_alike(folded[0][0])}))
    body = "|".join(f"(?<={folding_class(folded[0][0])})" + _unfolded(folded[0], skip=1)
                    + "".join(_BETWEEN + _unfolded(piece) for piece in folded[1:]) for folded in ordered)
    # the first character as one class, then the start of a word, then each sequence from its second character
    # (its first checked behind): a pattern opening with a class is searched for that class's characters only
    # (the regular expression engine's prefix scan), 4x faster than one opening with the look-behind
    return re.compile("[" + re.escape(first) + r"](?<!\w.)(?:" + body + r")(?!\w)"), variants


def _unfolded(folded: str, skip: int = 0) -> str:
    """A pattern of a folded piece (from its character ``skip``) that matches it in lower-case text as written (any
    diacritics; a lone i after the initial consonants also written y, as ``unify_spelling`` reads it: "ti" finds
    "tỉ" and "tỷ")."""
    classes = [folding_class(char) for char in folded]
    if LONE_I_FOLDED.fullmatch(folded):
        classes[-1] = _I_OR_Y
    return "".join(classes[skip:])


_I_OR_Y = "[" + "".join(re.escape(c) for c in sorted({*folding_alike("i"), *folding_alike("y")})) + "]"


def _marked_spans(text: str, terms: Highlights, limit: int = MAX_MARKS, deadline: Deadline | None = None,
                  scan: int | None = None) -> list[tuple[int, int]]:
    """Where the query's words and phrases stand, merged; at most ``limit`` marks per word or phrase.

    One pattern for all of them runs over the lower-cased text, each folded letter a class of the letters
    that fold to it, so the text is never folded as a whole (syllables typed with diacritics are then
    compared exactly, tones unified, on the match only), a chunk at a time (``CHUNK_CHARS``, cut at a
    line or sentence end); each word or phrase stops after its first ``limit`` marks, so the first marks
    are the same as without the cap (the snippet window is chosen among them); ``deadline`` is checked
    per chunk and every ``CHECK_EVERY`` matches. Only the first ``scan`` characters are searched (all
    when None).
    """
    if not terms.sequences:
        return []
    deadline = deadline or Deadline(None)
    pattern, variants = _combined(frozenset(terms.sequences))
    required = anchors(variants)
    searched = text[:scan] if scan else text
    # a document number's digits are found by plain search: only the text around them is matched
    pieces = _anchor_windows(searched, required) if required else _chunks(searched, CHUNK_CHARS)
    left = dict.fromkeys(variants, limit)
    spans: list[tuple[int, int]] = []
    verdicts: dict[str, tuple[str, ...] | None] = {}
    for begin, end in pieces:
        deadline.check()
        spans += _chunk_spans(text[begin:end], begin, pattern, variants, left, deadline, verdicts)
        if not any(left.values()):
            break
    return _merge(spans, text)


def _chunk_spans(chunk: str, offset: int, pattern: re.Pattern, variants: dict, left: dict,
                 deadline: Deadline, verdicts: dict) -> list[tuple[int, int]]:
    """The spans of ``chunk`` (placed at ``offset``) that ``pattern`` matches and whose diacritics agree with
    one of the sequences they fold to, while their word or phrase has marks ``left``. A matched string's
    verdict (its folded form, or None when its diacritics disagree) is kept in ``verdicts``, shared by a text's
    chunks: a bulletin repeats the same few spellings of the query's words."""
    lowered = _lowered(chunk)
    spans = []
    for count, found in enumerate(pattern.finditer(lowered), 1):
        if count % CHECK_EVERY == 0:
            deadline.check()
        matched = found.group(0)
        if matched not in verdicts:
            verdicts[matched] = _verdict(matched, variants)
        key = verdicts[matched]
        if key is not None and left.get(key):
            spans.append((found.start() + offset, found.end() + offset))
            left[key] -= 1
    return spans


def _verdict(matched: str, variants: dict) -> tuple[str, ...] | None:
    """The folded form of a matched (lower-cased) string when its diacritics agree with one of the sequences
    of that form (a syllable typed with diacritics must match exactly, tones unified), else None."""
    written = [unify_spelling(w) for w in _PART.findall(matched)]
    key = tuple(fold(w) for w in written)
    if any(all(not accented or piece == expected for (expected, accented), piece in zip(pieces, written, strict=False))
           for pieces in variants.get(key, ())):
        return key
    return None


ANCHOR_REACH = 200  # characters searched on each side of a document number's digits


def _anchor_windows(text: str, required: tuple[str, ...], reach: int = ANCHOR_REACH):
    """(begin, end) of the text around each place one of ``required`` stands, overlapping ones joined,
    in order; each window reaches past the longest form a match can take around its digits."""
    places = sorted(at for anchor in set(required) for at in _occurrences(text, anchor))
    begin = end = None
    for at in places:
        if end is not None and at - reach <= end:
            end = min(len(text), at + reach)
            continue
        if end is not None:
            yield begin, end
        begin, end = max(0, at - reach), min(len(text), at + reach)
    if end is not None:
        yield begin, end


def _occurrences(text: str, needle: str):
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _chunks(text: str, size: int):
    """(begin, end) of consecutive pieces of about ``size`` characters, cut after a line or sentence end."""
    begin = 0
    while begin < len(text):
        end = min(len(text), begin + size)
        if end < len(text):
            cut = max(text.rfind("\n", begin, end), text.rfind(". ", begin, end) + 1)
            if cut <= begin:
                cut = text.rfind(" ", begin, end)
            end = cut if cut > begin else end
        yield begin, end
        begin = end


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join marks that overlap or are separated only by spaces, so a phrase is one <mark>."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _best_window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """The ``size``-character window whose distinct marks weigh most (a mark of n words weighs n*n).

    Linear in the marks (one sliding pass), and only the first ``MAX_MARKS`` are considered, so a
    bulletin of megabytes costs no more than one of a few pages.
    """
    if len(text) <= size:
        return 0, len(text)
    if not spans:
        return 0, size
    spans = spans[:MAX_MARKS]
    keys = [text[s:e].lower() for s, e in spans]
    weights = [len(k.split()) ** 2 for k in keys]
    inside: dict[str, int] = {}
    best, best_score, score, j = 0, -1, 0, 0
    for i, (start, _) in enumerate(spans):
        begin = max(0, start - size // 4)
        while j < len(spans) and spans[j][1] <= begin + size:
            inside[keys[j]] = inside.get(keys[j], 0) + 1
            score += weights[j] if inside[keys[j]] == 1 else 0
            j += 1
        if score > best_score:
            best, best_score = begin, score
        inside[keys[i]] -= 1
        score -= weights[i] if inside[keys[i]] == 0 else 0
    return best, min(len(text), best + size)


def _snap(text: str, begin: int, end: int) -> tuple[int, int]:
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < begin + 30 else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    return begin, end


def render(text: str, spans: list[tuple[int, int]], begin: int, end: int) -> Markup:
    """``text[begin:end]`` escaped, with ``spans`` wrapped in <mark> (the pieces joined as plain strings, then
    marked safe once: a third of the time of adding ``Markup`` objects)."""
    out, cursor = [], begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        out += (escape(text[cursor:start]), "<mark>", escape(text[start:stop]), "</mark>")
        cursor = stop
    out.append(escape(text[cursor:end]))
    return Markup("".join(out))


_SPACES = re.compile("  +")


def flattened(text: str) -> str:
    """``" ".join(text.split())``: every run of white space one space, none at the ends. A text whose only white
    space is spaces and line breaks (printable once its breaks are spaces) has its runs of spaces replaced by
    one pattern, 4x faster than splitting it into words (0.011 against 0.044 ms for 3,200 characters) and 2x
    faster than replacing double spaces until none is left (which takes a pass per doubling of a run)."""
    flat = text.replace("\n", " ")
    if not flat.isprintable():  # other white space (tabs, no-break spaces...) or control characters
        return " ".join(text.split())
    return _SPACES.sub(" ", flat).strip(" ")


def snippet(text: str, terms: Highlights, size: int = SNIPPET_CHARS, deadline: Deadline | None = None) -> str:
    """An escaped fragment of about ``size`` characters around the best matches (``QueryTimeout`` past ``deadline``)."""
    flat = flattened(text[:SNIPPET_SCAN])
    spans = _marked_spans(flat, terms, MAX_MARKS, deadline)
    begin, end = _snap(flat, *_best_window(flat, spans, size))
    body = render(flat, spans, begin, end)
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(flat) or len(text) > SNIPPET_SCAN else ""
    return str(escape(prefix) + body + escape(suffix))


def highlight_all(text: str, terms: Highlights, deadline: Deadline | None = None) -> str:
    """The whole text escaped, with its matches marked (line breaks kept).

    Marks are bounded: at most ``MAX_MARKS_DOCUMENT`` per word or phrase, within the first ``DOCUMENT_SCAN``
    characters; ``QueryTimeout`` past ``deadline``.
    """
    return str(render(text, _marked_spans(text, terms, MAX_MARKS_DOCUMENT, deadline, DOCUMENT_SCAN), 0, len(text)))
