"""Search stage, part 1: a parsed query (``search.query``) to a Whoosh query.

Matching rules, syllable by syllable, so that a query may mix accented and
unaccented words:

* a syllable typed with diacritics must match exactly (``title``/``content``,
  old and new tone placement unified);
* a syllable typed without diacritics matches the folded fields, and an exact
  match scores higher (``EXACT_BONUS``), so "ban" ranks "ban" above "bản";
* all syllables of a run of words must match; the pyvi words of the run and the
  run as a phrase are optional clauses that lift documents where the words
  stand together (``WORD_BOOST``, ``PROXIMITY_BOOST``);
* "phrases" match neighbouring syllables through the ``*_pairs`` fields (each
  two neighbouring folded syllables is one term), and a syllable typed with
  diacritics must also match exactly; no position checks are needed;
* abbreviations from ``search/data/abbreviations.json`` match their expansion
  and the other way round.

Field values are resolved with ``resolve(field, value)`` (canonical province
names, topic ids, years...), which raises ``QuerySyntaxError`` for a value that
cannot exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from whoosh import query as wq

from . import query as ast
from .analysis import WORDS, pair_terms
from .docnumbers import ref_key
from .textnorm import fold, has_diacritics
from .vocabulary import abbreviations

EXACT_BONUS = 1.5
WORD_BOOST = 0.5
PROXIMITY_BOOST = 1.0
TEXT_FIELDS = (("title", "title_folded", "title_pairs"), ("content", "content_folded", "content_pairs"))


@dataclass
class Syllable:
    text: str  # as indexed in the exact fields (lower case, new-style tones)
    accented: bool  # typed with diacritics

    @property
    def folded(self) -> str:
        return fold(self.text)


@dataclass
class Analysed:
    syllables: list[Syllable] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # pyvi compounds (cải_cách)
    spans: dict[int, int] = field(default_factory=dict)  # first syllable -> syllables of its word

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
            out.words.append(token.text)
            out.spans[len(out.syllables) - 1] = token.text.count("_") + 1
            continue
        last_pos = token.pos
        out.syllables.append(Syllable(token.text, has_diacritics(raw)))
    return out


def _fields(fields):
    return fields or TEXT_FIELDS


def _syllable_query(s: Syllable, fields) -> wq.Query:
    alternatives = []
    for exact, folded, _ in _fields(fields):
        if s.accented:
            alternatives.append(wq.Term(exact, s.text))
        else:
            alternatives.append(wq.Term(exact, s.text, boost=EXACT_BONUS))
            alternatives.append(wq.Term(folded, s.folded))
    return wq.Or(alternatives)


def _phrase_query(syllables: list[Syllable], fields) -> wq.Query:
    if len(syllables) == 1:
        return _syllable_query(syllables[0], fields)
    pairs = pair_terms([s.folded for s in syllables])
    alternatives = []
    for exact, _, paired in _fields(fields):
        accents = [wq.Term(exact, s.text) for s in syllables if s.accented]
        alternatives.append(wq.And([*(wq.Term(paired, p) for p in pairs), *accents]))
    return wq.Or(alternatives)


def _abbreviation_spans(syllables: list[Syllable]) -> list[tuple[int, int, str]]:
    """(start, end, abbreviation) where the syllables spell out an abbreviation."""
    spans = []
    folded = [s.folded for s in syllables]
    for abbr, expansion in abbreviations().items():
        parts = [fold(p) for p in expansion.split()]
        for i in range(len(folded) - len(parts) + 1):
            if folded[i : i + len(parts)] == parts:
                spans.append((i, i + len(parts), abbr))
    return sorted(spans)


def _expansion(s: Syllable) -> list[Syllable] | None:
    phrase = abbreviations().get(s.text) or next(
        (v for k, v in abbreviations().items() if fold(k) == s.folded and not s.accented), None)
    return [Syllable(p, True) for p in phrase.split()] if phrase else None


def _with_abbreviations(syllables: list[Syllable], fields) -> list[wq.Query]:
    """One clause per word: abbreviations and their spelled-out forms as alternatives."""
    clauses: list[wq.Query] = []
    spans = {start: (end, abbr) for start, end, abbr in _abbreviation_spans(syllables)}
    i = 0
    while i < len(syllables):
        if i in spans:
            end, abbr = spans[i]
            spelled = _and_clauses(syllables[i:end], fields)
            clauses.append(wq.Or([spelled, _syllable_query(Syllable(abbr, True), fields)]))
            i = end
            continue
        expansion = _expansion(syllables[i])
        single = _syllable_query(syllables[i], fields)
        clauses.append(wq.Or([single, _phrase_query(expansion, fields)]) if expansion else single)
        i += 1
    return clauses


def _and_clauses(syllables, fields):
    return wq.And([_syllable_query(s, fields) for s in syllables])


def _words_query(text: str, fields=None) -> tuple[wq.Query | None, Analysed]:
    analysed = analyse(text)
    if not analysed.syllables:
        return None, analysed
    required = wq.And(_with_abbreviations(analysed.syllables, fields))
    optional = [wq.Term(exact, w, boost=WORD_BOOST) for w in analysed.words for exact, _, _ in _fields(fields)]
    pairs = pair_terms([s.folded for s in analysed.syllables])
    optional += [wq.Term(paired, p, boost=PROXIMITY_BOOST) for p in pairs for _, _, paired in _fields(fields)]
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
    """Turns a syntax tree into a Whoosh query, collecting terms to highlight."""

    resolve: Callable[[str, str], list[str]]
    highlights: Highlights = field(default_factory=Highlights)

    def compile(self, node) -> wq.Query:
        result = self._node(node)
        if isinstance(result, wq.Not):
            return wq.And([wq.Every(), result])
        return result if result is not None else wq.NullQuery

    def _note(self, analysed: Analysed, phrase: bool) -> None:
        syllables = analysed.syllables
        if phrase or len(syllables) == 1:
            groups = [syllables]
        else:  # words of several syllables, and neighbouring pairs (unaccented text has no pyvi words)
            groups = [g for g in analysed.groups() if len(g) > 1]
            groups += [syllables[i : i + 2] for i in range(len(syllables) - 1)]
        for group in groups:
            self.highlights.add(group)
        for s in analysed.syllables:
            self.highlights.add(_expansion(s) or [])
        for _, _, abbr in _abbreviation_spans(analysed.syllables):
            self.highlights.add([Syllable(abbr, True)])

    def _node(self, node) -> wq.Query | None:
        if isinstance(node, ast.Words):
            built, analysed = _words_query(node.text)
        elif isinstance(node, ast.Phrase):
            built, analysed = _phrase_node_query(node.text)
        elif isinstance(node, ast.Field):
            return self._field(node)
        elif isinstance(node, ast.Not):
            inner = self._node(node.child)
            return wq.Not(inner) if inner is not None else None
        else:
            parts = [p for p in (self._node(c) for c in node.children) if p is not None]
            if not parts:
                return None
            if isinstance(node, ast.Or):
                return wq.Or(parts)
            positive = [p for p in parts if not isinstance(p, wq.Not)]
            return wq.And(parts if positive else [wq.Every(), *parts])
        self._note(analysed, phrase=isinstance(node, ast.Phrase))
        return built

    def _field(self, node: ast.Field) -> wq.Query | None:
        if node.name == "title":
            build = _phrase_node_query if node.phrase else _words_query
            built, analysed = build(node.value, fields=(TEXT_FIELDS[0],))
            self._note(analysed, phrase=node.phrase)
            return built
        if node.name == "refs":
            return wq.Term("refs", ref_key(node.value))
        values = self.resolve(node.name, node.value)
        return wq.Or([wq.Term(node.name, v) for v in values])


def compile_query(node, resolve: Callable[[str, str], list[str]]) -> tuple[wq.Query, Highlights]:
    """A Whoosh query for a syntax tree (None: every document) and the terms to highlight."""
    if node is None:
        return wq.Every(), Highlights()
    compiler = Compiler(resolve)
    return compiler.compile(node), compiler.highlights
