"""Search stage, part 1: a parsed query (``search.query``) to a Whoosh query.

Matching rules, syllable by syllable, so that a query may mix accented and
unaccented words:

* a syllable typed with diacritics must match exactly (``title``/``content``,
  old and new tone placement unified);
* a syllable typed without diacritics matches the folded fields, and an exact
  match scores higher (``Relevance.exact_bonus``), so "ban" ranks "ban" above "bản";
* plain words are a best match (``clauses.BestMatch``): each word (or
  spelled-out abbreviation) of the query is one part, and a bulletin qualifies
  when the parts it matches carry at least ``Relevance.min_share`` of the query's
  informative weight; bulletins matching every part are lifted. A word is what
  pyvi joins (four syllables it glues, "hồ_sơ_kết_quả", are two words of two);
  two neighbouring syllables pyvi leaves apart ("hội thi", "một
  cửa", and every syllable typed without diacritics) are a word too when the
  index has them side by side somewhere (``join_known_pairs``), so they count
  as complete only where they stand together. Function words
  (``search/data/stopwords.json``) are never required and only count through
  proximity. ``+word``, a quoted phrase, both sides of ``AND`` and ``match=all``
  are required;
* the query's pyvi words and neighbouring pairs are optional clauses that lift
  documents where the words stand together (``Relevance.word_boost``,
  ``Relevance.proximity_boost``);
* every text part searches the title, the body and the lines set aside by
  cleaning, each with its weight (a ``Scope``); a document number also matches
  the documents whose own number it is, far above those that cite it
  (``Relevance.number_boost``);
* "phrases" match neighbouring syllables through the ``*_pairs`` fields at
  consecutive positions (``clauses.Sequence``), never across a sentence end or a
  line break; a syllable typed with diacritics must also match exactly;
* abbreviations from ``search/data/abbreviations.json`` match their expansion
  and the other way round;
* a phrase of a group of synonyms (``search/data/synonyms.json``: "trễ hạn",
  "quá hạn", "trễ hẹn") also matches the group's other phrases, each weighing
  ``Relevance.synonym_weight``.

Field values are resolved with ``resolve(field, value)`` (canonical province
names, topic ids, years...), which raises ``QuerySyntaxError`` for a value that
cannot exist.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from whoosh import query as wq

from . import query as ast
from .analysis import WORDS, number_parts, pair_terms, scan
from .clauses import BestMatch, Lift, Sequence
from .docnumbers import is_ref, kind_names, ref_key
from .querywords import abbreviations, folded_function_words, function_words, synonyms
from .relevance import DEFAULT, Relevance
from .textnorm import fold, has_diacritics

SPLIT_ABBREVIATIONS = True
MATCH_MODES = ("best", "all")
_NUMBER_YEAR = re.compile(r"\d+[a-z]?/(?:19|20)\d\d", re.I)
TEXT_FIELDS = (("title", "title_folded", "title_pairs"), ("content", "content_folded", "content_pairs"),
               ("aside", "aside_folded", "aside_pairs"))


@dataclass(frozen=True)
class Scope:
    """The text fields a part of the query searches, each (exact, folded, pairs, weight), and the knobs."""

    fields: tuple[tuple[str, str, str, float], ...]
    relevance: Relevance = DEFAULT

    @classmethod
    def of(cls, relevance: Relevance = DEFAULT, title_only: bool = False) -> Scope:
        weights = {"title": relevance.title_boost, "content": 1.0, "aside": relevance.aside_boost}
        chosen = TEXT_FIELDS[:1] if title_only else TEXT_FIELDS
        return cls(tuple((*names, weights[names[0]]) for names in chosen if weights[names[0]] > 0), relevance)


DEFAULT_SCOPE = Scope.of()


@dataclass
class Syllable:
    text: str  # as indexed in the exact fields (lower case, new-style tones)
    accented: bool  # typed with diacritics
    raw: str = ""  # as typed
    parts: tuple[str, ...] = ()  # a number with separators: its digit groups (3,4 -> 3, 4)
    start: int = -1  # offsets in the query text
    end: int = -1
    cited_as: str = ""  # a serial after a document kind ("Nghị định 61"): that kind's code, folded ("nd")

    @property
    def folded(self) -> str:
        return fold(self.text)


@dataclass
class Analysed:
    syllables: list[Syllable] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # pyvi compounds (cải_cách)
    spans: dict[int, int] = field(default_factory=dict)  # first syllable -> syllables of its word
    text: str = ""
    paired: set[int] = field(default_factory=set)  # first syllables of words joined by ``join_known_pairs``

    def groups(self) -> list[list[Syllable]]:
        """The syllables grouped into pyvi words."""
        out, i = [], 0
        while i < len(self.syllables):
            length = self.spans.get(i, 1)
            out.append(self.syllables[i : i + length])
            i += length
        return out


@dataclass
class Highlights:
    """What to mark in snippets: syllable sequences, each marked only where it stands whole.

    A sequence is a tuple of (syllable, accented): accented syllables compare
    exactly, the others by their folded form.
    """

    sequences: set[tuple[tuple[str, bool], ...]] = field(default_factory=set)
    corrected: dict[str, str] = field(default_factory=dict)  # a slipped syllable as typed -> the one matched

    def add(self, syllables: list[Syllable]) -> None:
        if syllables:
            self.sequences.add(tuple((s.text if s.accented else s.folded, s.accented) for s in syllables))


def analyse(text: str) -> Analysed:
    """Syllables (with whether each was typed with diacritics) and words of query text."""
    out = Analysed()
    last_pos = None
    for token in WORDS(text, positions=True, chars=True):
        raw = text[token.startchar : token.endchar]
        if token.pos == last_pos:
            if "_" in token.text:
                out.words.append(token.text)
                first, length = len(out.syllables) - 1, token.text.count("_") + 1
                if length == 4:  # pyvi glues two words it often saw together ("hồ_sơ_kết_quả"): two parts
                    out.spans[first], out.spans[first + 2] = 2, 2
                else:
                    out.spans[first] = length
            continue  # the parts of a number (3,4) are matched through Syllable.parts
        last_pos = token.pos
        parts = tuple(number_parts(raw, span) for span in scan(raw)[:1])[0] if "," in raw or "." in raw else ()
        out.syllables.append(Syllable(token.text, has_diacritics(raw), raw, tuple(parts),
                                      token.startchar, token.endchar))
    _short_citations(out.syllables)
    out.text = text
    return out


_SERIAL = re.compile(r"(?!(?:19|20)\d\d\b)\d{1,5}[^\W\d_]?")  # a document's serial number: "61", "30c"; not a
# year ("kế hoạch 2024" is the plan of that year)


def _short_citations(syllables: list[Syllable]) -> None:
    """Mark each serial number written after a document kind, written out or short, with or without "số"
    ("Nghị định 61", "nghị quyết số 30c", "QĐ 766"): it also asks for the documents citing that kind's number of
    that serial, whatever its year and issuer (``docnumbers.cited_as``, which the index holds for each number)."""
    kinds = kind_names()
    for at, syllable in enumerate(syllables):
        if not _SERIAL.fullmatch(syllable.text):
            continue
        end = at - 1 if at and syllables[at - 1].folded == "so" else at
        for size in (2, 1):
            kind = syllables[max(0, end - size) : end]
            if len(kind) == size and (code := kinds.get(" ".join(s.folded for s in kind))) \
                    and (size == 2 or kind[0].text.replace("đ", "d") == code):  # a code as codes are written
                syllable.cited_as = code  # (NĐ, QD), not a word that folds alike ("sông Đà 5")
                break


def _fields(fields: Scope | None) -> tuple[tuple[str, str, str, float], ...]:
    return (fields or DEFAULT_SCOPE).fields


def _knobs(fields: Scope | None) -> Relevance:
    return (fields or DEFAULT_SCOPE).relevance


def _syllable_query(s: Syllable, fields) -> wq.Query:
    if s.parts:  # "3,4" also finds "3, 4"
        whole = _syllable_query(Syllable(s.text, True), fields)
        return wq.Or([whole, wq.And([_syllable_query(Syllable(p, True), fields) for p in s.parts])])
    alternatives, cited = [], 1.0
    if is_ref(s.raw or s.text):  # the document's own number first, then the documents citing it, then words
        cited = _knobs(fields).cited_boost
        alternatives.append(wq.Term("number", ref_key(s.raw or s.text), boost=_knobs(fields).number_boost * cited))
    for exact, folded, _, weight in _fields(fields):
        weight *= cited
        if s.accented:
            alternatives.append(wq.Term(exact, s.text, boost=weight))
        else:
            alternatives.append(wq.Term(exact, s.text, boost=_knobs(fields).exact_bonus * weight))
            alternatives.append(wq.Term(folded, s.folded, boost=weight))
    if s.cited_as:  # "Nghị định 61": a citation of 61/2018/NĐ-CP (or the decree itself), outweighing the words
        alternatives.append(wq.Term("cited", f"{s.folded}/{s.cited_as}", boost=_knobs(fields).cited_boost))
    return wq.Or(alternatives)


def _phrase_query(syllables: list[Syllable], fields) -> wq.Query:
    if len(syllables) == 1:
        return _syllable_query(syllables[0], fields)
    pairs = pair_terms([s.folded for s in syllables])
    alternatives = []
    for exact, _, paired, weight in _fields(fields):
        accents = [wq.Term(exact, s.text) for s in syllables if s.accented]
        placed = [wq.Term(paired, pairs[0])] if len(pairs) == 1 else [Sequence(paired, pairs)]
        alternatives.append(wq.And([*placed, *accents], boost=weight))
    return wq.Or(alternatives)


def _abbreviation_spans(syllables: list[Syllable]) -> list[tuple[int, int, str]]:
    """(start, end, abbreviation) where the syllables spell out an abbreviation."""
    spans = []
    folded = [s.folded for s in syllables]
    for abbr, parts in _spelled_out():
        for i in range(len(folded) - len(parts) + 1):
            if folded[i : i + len(parts)] == parts:
                spans.append((i, i + len(parts), abbr))
    return sorted(spans)


@cache
def _spelled_out() -> tuple[tuple[str, list[str]], ...]:
    """(abbreviation, the folded syllables it stands for), in the data file's order."""
    return tuple((abbr, [fold(p) for p in expansion.split()]) for abbr, expansion in abbreviations().items())


@cache
def _by_folded() -> dict[str, str]:
    """Folded abbreviation -> the phrase of the first abbreviation that folds so."""
    out: dict[str, str] = {}
    for abbr, expansion in abbreviations().items():
        out.setdefault(fold(abbr), expansion)
    return out


def _expansion(s: Syllable) -> list[Syllable] | None:
    phrase = abbreviations().get(s.text) or (None if s.accented else _by_folded().get(s.folded))
    return [Syllable(p, True) for p in phrase.split()] if phrase else None


def _synonym_spans(syllables: list[Syllable]) -> dict[int, tuple[int, tuple[str, ...]]]:
    """start -> (end, the other phrases of its group) where the syllables spell a phrase of a group of synonyms
    (each syllable as typed when typed with diacritics, else folded); the longest phrase first."""
    folded, found, covered = [s.folded for s in syllables], {}, set()
    for phrase, others in sorted(synonyms().items(), key=lambda item: -len(item[0].split())):
        parts = phrase.split()
        for i in range(len(syllables) - len(parts) + 1):
            run = range(i, i + len(parts))
            if not covered.intersection(run) and folded[i : i + len(parts)] == [fold(p) for p in parts] \
                    and all(syllables[k].text == p for k, p in zip(run, parts, strict=True) if syllables[k].accented):
                found[i] = (i + len(parts), others)
                covered.update(run)
    return found


def _synonyms_query(others: tuple[str, ...], fields) -> wq.Query:
    """The other phrases of a group, as phrases."""
    return wq.Or([_phrase_query([Syllable(p, True) for p in phrase.split()], fields) for phrase in others])


def _and_clauses(syllables, fields):
    return wq.And([_syllable_query(s, fields) for s in syllables])


@dataclass
class Unit:
    """One part of a best-match query: a pyvi word, an abbreviation spelled out, or a function word."""

    syllables: list[Syllable]
    query: wq.Query
    function: bool = False  # typed with diacritics and a function word: never required
    weak: bool = False  # unaccented, and folds like a function word (cua: của or cửa?): weighs little
    written: str = ""  # the label when the syllables were typed joined (107/2021)
    whole: wq.Query | None = None  # the word as a word (syllables side by side), where stricter than ``query``

    @property
    def label(self) -> str:
        return self.written or " ".join(s.raw or s.text for s in self.syllables)


def _function_runs(syllables: list[Syllable]) -> dict[int, tuple[int, bool]]:
    """start -> (end, certain) of each run of syllables that is a function word (longest first).

    Certain: spelled as the function word in a query typed with diacritics ("của"; "trong", "hay",
    "bao nhiêu", which carry no mark or only some, beside words that do); else a run that only folds like
    one, or a query typed without any marks ("cua": của or cửa? "trong": trong or trọng?) - such a word
    weighs little but is not dropped.
    """
    words, folded_words = function_words(), folded_function_words()
    marked = any(s.accented for s in syllables)
    runs, i = {}, 0
    while i < len(syllables):
        for length in (3, 2, 1):
            run = syllables[i : i + length]
            if len(run) < length:
                continue
            spelled = " ".join(s.text for s in run) in words
            if spelled or not any(s.accented for s in run) and " ".join(s.folded for s in run) in folded_words:
                runs[i] = (i + length, spelled and marked)
                i += length - 1
                break
        i += 1
    return runs


def join_known_pairs(analysed: Analysed, adjacent: Callable[[str, str], int]) -> Analysed:
    """Two neighbouring syllables that pyvi left as words of their own, neither a number nor a function
    word typed with its accents, become one word when ``adjacent(folded, folded)`` says the index has
    them side by side (how many bulletins do: a count, or a truth). Where two such pairs overlap, the one more
    bulletins hold wins ("dịch vụ công toàn trình": "toàn trình", not "công toàn"), ties going to the first;
    a syllable inside a pyvi word is never paired ("hồ_sơ trễ hạn": "trễ hạn", not "sơ trễ")."""
    functions = function_words()
    syllables = analysed.syllables
    inside = {k for start, length in analysed.spans.items() for k in range(start + 1, start + length)}

    def free(k: int) -> bool:
        return analysed.spans.get(k, 1) == 1 and k not in inside

    candidates = []
    for i in range(len(syllables) - 1):
        pair = syllables[i : i + 2]
        plain = all(s.folded.isalpha() and not (s.accented and s.text in functions) for s in pair)
        if free(i) and free(i + 1) and plain:
            strength = adjacent(pair[0].folded, pair[1].folded)
            if strength:
                candidates.append((-int(strength), i))
    taken: set[int] = set()
    for _, i in sorted(candidates):
        if i not in taken and i + 1 not in taken:
            analysed.spans[i] = 2
            analysed.paired.add(i)
            taken.update((i, i + 1))
    return analysed


def units(analysed: Analysed, fields=None) -> list[Unit]:
    """The parts of a run of plain words, in order (abbreviations both ways, function words marked)."""
    syllables = analysed.syllables
    abbreviated = {start: (end, abbr) for start, end, abbr in _abbreviation_spans(syllables)}
    inside = {k for start in analysed.paired for k in (start, start + 1)}
    functions = {k: v for k, v in _function_runs(syllables).items() if k not in inside}
    starts = {}
    at = 0
    for group in analysed.groups():
        starts[at] = at + len(group)
        at += len(group)
    prefixes = _number_year_spans(analysed)
    spans = set().union(*(range(at, end) for at, (end, _) in abbreviated.items()), *(
        range(at, end) for at, (end, _) in functions.items()), *(range(at, at + 2) for at in prefixes))
    synonymous = {at: found for at, found in _synonym_spans(syllables).items()
                  if not spans.intersection(range(at, found[0]))} if _knobs(fields).synonym_weight > 0 else {}
    out, i = [], 0
    while i < len(syllables):
        if i in prefixes:  # 107/2021: the document 107/2021/NĐ-CP, or the words 107 and 2021
            pair = syllables[i : i + 2]
            cited = wq.Or([wq.Term(f, prefixes[i], boost=weight)
                           for exact, folded, _, weight in _fields(fields) for f in (exact, folded)])
            out.append(Unit(pair, wq.Or([cited, _phrase_query(pair, fields)]), written=prefixes[i]))
            end = i + 2
        elif i in abbreviated:  # each word of a spelled-out abbreviation is a part, met by the abbreviation too,
            # whose weight the n parts share (1/sqrt(n) each): a bulletin writing "TTHC" is no longer credited in
            # full once per word, and keeps about what the spelled-out phrase's word pairs give the other bulletins
            end, abbr = abbreviated[i]
            groups = _split(syllables[i:end], starts, i) if SPLIT_ABBREVIATIONS else [syllables[i:end]]
            out += _met_also_by(groups, _syllable_query(Syllable(abbr, True), fields), 1.0, fields)
        elif i in synonymous:  # each word of the phrase is a part, met by the group's other phrases too, whose
            # weight the parts share as an abbreviation's is shared
            end, others = synonymous[i]
            out += _met_also_by(_split(syllables[i:end], starts, i), _synonyms_query(others, fields),
                                _knobs(fields).synonym_weight, fields)
        elif i in functions:
            end, certain = functions[i]
            out.append(Unit(syllables[i:end], _and_clauses(syllables[i:end], fields),
                            function=certain, weak=not certain))
        else:
            later = (k for k in (*abbreviated, *functions, *prefixes, *synonymous) if k > i)
            end = min(starts.get(i, i + 1), min(later, default=10**9))
            group = syllables[i:end]
            out.append(Unit(group, _word_query(group, fields), whole=_whole_word(group, fields)))
        i = end
    if all(u.function for u in out):  # a query of function words alone: they are what was asked
        for unit in out:
            unit.function = False
    return out


def _met_also_by(groups: list[list[Syllable]], other: wq.Query, weight: float, fields) -> list[Unit]:
    """Each word of a run as a part, met by ``other`` too (the abbreviation the run spells, or its synonyms),
    whose ``weight`` the parts share (1/sqrt(n) each)."""
    other.boost = weight / len(groups) ** 0.5
    out = []
    for group in groups:
        whole = _whole_word(group, fields)
        out.append(Unit(group, wq.Or([_word_query(group, fields), other]),
                        whole=wq.Or([whole, other]) if whole is not None else None))
    return out


def _split(syllables: list[Syllable], starts: dict[int, int], offset: int) -> list[list[Syllable]]:
    """``syllables`` (starting at ``offset`` in the query) cut into its pyvi words."""
    out, i = [], 0
    while i < len(syllables):
        end = min(starts.get(offset + i, offset + i + 1) - offset, len(syllables))
        out.append(syllables[i:end])
        i = end
    return out


def _number_year_spans(analysed: Analysed) -> dict[int, str]:
    """start -> "107/2021" where the query has a number, a slash and a year written together."""
    syllables, found = analysed.syllables, {}
    for i in range(len(syllables) - 1):
        left, right = syllables[i], syllables[i + 1]
        written = analysed.text[left.start : right.end] if left.start >= 0 else ""
        if _NUMBER_YEAR.fullmatch(written):
            found[i] = written.lower()
    return found


def _word_query(syllables: list[Syllable], fields) -> wq.Query:
    """A word of several syllables (pyvi's "hội_thi"): its syllables anywhere in the bulletin."""
    return wq.And([_with_expansion(s, fields) for s in syllables])


def _whole_word(syllables: list[Syllable], fields) -> wq.Query | None:
    """The word with its syllables side by side ("hội nghị ... thi hành" is no "hội thi"), or None
    when that is no stricter than ``_word_query`` (one syllable, an abbreviation, a number)."""
    if len(syllables) < 2 or any(s.parts or _expansion(s) for s in syllables):
        return None
    return _phrase_query(syllables, fields)


def _with_expansion(s: Syllable, fields) -> wq.Query:
    expansion = _expansion(s)
    single = _syllable_query(s, fields)
    return wq.Or([single, _phrase_query(expansion, fields)]) if expansion else single


def _optional(analysed: Analysed, fields) -> list[wq.Query]:
    """Pyvi words and neighbouring pairs of the query: scored where they match, never required."""
    knobs = _knobs(fields)
    optional = [wq.Term(exact, w, boost=knobs.word_boost * weight)
                for w in analysed.words for exact, _, _, weight in _fields(fields)]
    pairs = pair_terms([s.folded for s in analysed.syllables])
    optional += [wq.Term(paired, p, boost=knobs.proximity_boost * weight)
                 for p in pairs for _, _, paired, weight in _fields(fields)]
    return optional


def _words_query(text: str, fields=None, tolerant=None) -> tuple[wq.Query | None, Analysed]:
    """Every word of ``text`` required (``match=all``, exclusions, ``+``): the strict form."""
    analysed = tolerant(analyse(text)) if tolerant else analyse(text)
    if not analysed.syllables:
        return None, analysed
    required = wq.And([u.query for u in units(analysed, fields) if not u.function] or
                      [u.query for u in units(analysed, fields)])
    optional = _optional(analysed, fields)
    return (wq.AndMaybe(required, wq.Or(optional)) if optional else required), analysed


def _phrase_variants(syllables: list[Syllable]) -> list[list[Syllable]]:
    """The phrase, and the phrase with one abbreviation spelled out or one spelling abbreviated."""
    variants = [syllables]
    for start, end, abbr in _abbreviation_spans(syllables):
        variants.append(syllables[:start] + [Syllable(abbr, True)] + syllables[end:])
    for i, syllable in enumerate(syllables):
        expansion = _expansion(syllable)
        if expansion:
            variants.append(syllables[:i] + expansion + syllables[i + 1 :])
    return variants


def _phrase_node_query(text: str, fields=None) -> tuple[wq.Query | None, Analysed]:
    analysed = analyse(text)
    if not analysed.syllables:
        return None, analysed
    variants = _phrase_variants(analysed.syllables)
    if len(variants) == 1:
        return _phrase_query(variants[0], fields), analysed
    return wq.Or([_phrase_query(v, fields) for v in variants]), analysed


@dataclass
class Compiler:
    """Turns a syntax tree into a Whoosh query, collecting terms to highlight.

    ``match`` is "best" (plain words are a best match) or "all" (every word required).
    """

    resolve: Callable[[str, str], list[str]]
    highlights: Highlights = field(default_factory=Highlights)
    match: str = "best"
    known: Callable[[str], bool] | None = None  # whether a syllable occurs in the index as spelled
    scope: Scope = DEFAULT_SCOPE  # the text fields searched, their weights, the ranking knobs
    adjacent: Callable[[str, str], int] | None = None  # bulletins where two folded syllables stand side by side
    # the known syllable one edit from an unknown one, given its neighbours (``search.ranking.closest``)
    closest: Callable[[str, str | None, str | None], str | None] | None = None
    places: tuple[tuple[str, ...], ...] = ()  # the syllables of each place the query names (understood)

    def _tolerant(self, analysed: Analysed) -> Analysed:
        """A syllable typed with diacritics that the index never saw (a slip: "chuyển đổi sô") is
        matched as if typed without them, so the rest of the query is not lost to one wrong mark; one the index
        never saw even so ("chíh", "tuyem") is the known syllable one edit away that its neighbours stand beside
        (``closest``); then neighbouring syllables the index has side by side join into words
        (``join_known_pairs``)."""
        syllables = analysed.syllables
        if self.known is not None:
            for syllable in syllables:
                if syllable.accented and not syllable.parts and not self.known(syllable.text):
                    syllable.accented = False
        if self.closest is not None:
            for at, syllable in enumerate(syllables):
                if syllable.accented or syllable.parts:
                    continue
                before = syllables[at - 1].folded if at else None
                after = syllables[at + 1].folded if at + 1 < len(syllables) else None
                found = self.closest(syllable.folded, before, after)
                if found:
                    self.highlights.corrected[syllable.raw or syllable.text] = found
                    syllable.text = found
        return join_known_pairs(analysed, self.adjacent) if self.adjacent is not None else analysed

    def compile(self, node) -> wq.Query:
        result = self._node(node)
        return result if result is not None else wq.NullQuery

    def _note(self, analysed: Analysed, phrase: bool) -> None:
        syllables = analysed.syllables
        if phrase or len(syllables) == 1:
            groups = [syllables]
        else:  # each part of the best match whole, and neighbouring pairs (unaccented text has no pyvi words)
            parts = units(analysed)
            groups = [u.syllables for u in parts if not (u.function or u.weak)]
            functional = {id(s) for u in parts if u.function or u.weak for s in u.syllables}
            groups += [syllables[i : i + 2] for i in range(len(syllables) - 1)
                       if not (id(syllables[i]) in functional and id(syllables[i + 1]) in functional)]
        for group in groups:
            self.highlights.add(group)
        for s in analysed.syllables:
            self.highlights.add(_expansion(s) or [])
            head, hyphen, tail = s.text.rpartition("-")
            if hyphen and is_ref(s.text) and "/" not in tail:  # also as scraped without its hyphen (NĐCP)
                self.highlights.add([Syllable(head + tail, s.accented)])
        for _, _, abbr in _abbreviation_spans(analysed.syllables):
            self.highlights.add([Syllable(abbr, True)])

    def _node(self, node) -> wq.Query | None:
        if isinstance(node, (ast.Words, ast.And)):
            return self._conjunction(node.children if isinstance(node, ast.And) else (node,))
        if isinstance(node, ast.Phrase):
            built, analysed = _phrase_node_query(node.text, self.scope)
            self._note(analysed, phrase=True)
            return built
        if isinstance(node, ast.Required):
            return self._strict(node.child)
        if isinstance(node, ast.Field):
            return self._field(node)
        if isinstance(node, ast.Not):
            inner = self._strict(node.child)
            return wq.Not(inner) if inner is not None else None
        parts = [p for p in (self._node(c) for c in node.children) if p is not None]
        return wq.Or(parts) if parts else None

    def _strict(self, node) -> wq.Query | None:
        """A part every result must match (or every excluded bulletin must): its words all required."""
        if isinstance(node, ast.Words):
            built, analysed = _words_query(node.text, self.scope, tolerant=self._tolerant)
            self._note(analysed, phrase=False)
            return built
        mode, self.match = self.match, "all"
        try:
            return self._node(node)
        finally:
            self.match = mode

    def _conjunction(self, children) -> wq.Query | None:
        """Parts side by side: plain words pooled into one best match, everything else required."""
        required, soft, optional, headline = [], [], [], []
        lift = self.scope.relevance.headline_lift
        title_scope = Scope.of(self.scope.relevance, title_only=True) if lift > 0 else None
        for child in children:
            if isinstance(child, ast.Words) and self.match == "best":
                analysed = self._tolerant(analyse(child.text))
                self._note(analysed, phrase=False)
                soft += units(analysed, self.scope)
                if title_scope is not None:  # the headline's own units, only for its lift
                    headline += [u.query for u in units(analysed, title_scope) if not u.function]
                optional += _optional(analysed, self.scope)
                continue
            built = self._strict(child)
            if built is not None:
                required.append(built)
        self._weigh_places(soft)
        soft = [u for u in soft if not u.function]
        if not soft:
            if not required:
                return None
            base = required[0] if len(required) == 1 else wq.And(required)
            return wq.AndMaybe(base, wq.Or(optional)) if optional else base
        best = BestMatch(required, [u.query for u in soft], [u.label for u in soft], [u.weak for u in soft],
                         wq.Or(optional) if optional else None, self.scope.relevance.min_share,
                         whole=[u.whole for u in soft])
        return Lift(best, [wq.And(headline)], lift, label="if the headline holds every word") if headline else best

    def _weigh_places(self, parts: list[Unit]) -> None:
        """The parts that spell a place the query names where the query names it weigh ``Relevance.place_weight``
        in the score (not in the share): the place is lifted as understood already, and a page saying its name
        often outranked pages on what was asked. A syllable typed with diacritics must be the place's own ("năm"
        is not the "Nam" of Quảng Nam); the word pairs stay whole: where the name stands together is evidence."""
        weight = self.scope.relevance.place_weight
        if weight == 1 or not self.places:
            return
        spelled = [(unit, syllable) for unit in parts for syllable in unit.syllables]
        placed: set[int] = set()  # the positions in ``spelled`` that spell a place
        for place in self.places:
            for start in range(len(spelled) - len(place) + 1):
                if all(_spells(spelled[start + k][1], name) for k, name in enumerate(place)):
                    placed.update(range(start, start + len(place)))
        for unit in parts:
            at = [k for k, (owner, _) in enumerate(spelled) if owner is unit]
            if at and placed.issuperset(at):
                unit.query.boost *= weight
                if unit.whole is not None:
                    unit.whole.boost *= weight

    def _field(self, node: ast.Field) -> wq.Query | None:
        if node.name == "title":
            build = _phrase_node_query if node.phrase else _words_query
            built, analysed = build(node.value, fields=Scope.of(self.scope.relevance, title_only=True))
            self._note(analysed, phrase=node.phrase)
            return built
        if node.name == "refs":
            return wq.Term("refs", ref_key(node.value))
        values = self.resolve(node.name, node.value)
        return wq.Or([wq.Term(node.name, v) for v in values])


def _spells(syllable: Syllable, name: str) -> bool:
    """Whether a query syllable spells ``name`` (a place's syllable written as the query's are: lower case,
    new-style tones, ``textnorm.unify_spelling``; "Kỳ Anh" is "kì anh"): as written when typed with diacritics,
    else folded.

    >>> [_spells(Syllable(text, marked), "nam") for text, marked in (("nam", False), ("năm", True), ("nam", True))]
    [True, False, True]
    """
    return syllable.text == name if syllable.accented else syllable.folded == fold(name)


def compile_query(node, resolve: Callable[[str, str], list[str]], match: str = "best",
                  known: Callable[[str], bool] | None = None,
                  relevance: Relevance = DEFAULT,
                  adjacent: Callable[[str, str], int] | None = None,
                  closest: Callable[[str, str | None, str | None], str | None] | None = None,
                  places: tuple[tuple[str, ...], ...] = (),
                  ) -> tuple[wq.Query, Highlights]:
    """A Whoosh query for a syntax tree (None: every document) and the terms to highlight.

    ``known(syllable)`` says whether the index has a syllable as spelled, ``adjacent(a, b)`` in how many
    bulletins it has two folded syllables side by side (see ``Compiler._tolerant``); without it the query's
    words are pyvi's. ``places``: the syllables (as ``_spells`` compares them) of the places the query names
    (``search.understanding``), whose words weigh less where the query spells them (``Compiler._weigh_places``).
    """
    if node is None:
        return wq.Every(), Highlights()
    compiler = Compiler(resolve, match=match, known=known, scope=Scope.of(relevance), adjacent=adjacent,
                        closest=closest, places=places)
    return compiler.compile(node), compiler.highlights
