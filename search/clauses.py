"""Query nodes of our own, beside Whoosh's: best-match groups and exact sequences.

``search.compiler`` builds them; ``search.vector`` evaluates them over arrays.

* ``BestMatch`` - the words of a query, as Elasticsearch's ``minimum_should_match``
  or Meilisearch's matching strategy treat them: ``required`` parts must match
  (phrases, ``+word``, both sides of ``AND``), ``soft`` parts need not all match.
  Without required parts, a document qualifies when the informative weight (idf)
  of the soft parts it matches is at least ``min_share`` of the whole; beside
  required parts, soft parts only rank (Lucene's ``+a b``). Documents matching
  every soft part rank before the others; a soft part of several syllables counts
  as matched for that only where its syllables stand side by side (``whole``), so
  "hội nghị ... thi hành" does not make a bulletin a complete match for "hội thi".
  ``labels`` name the soft parts as typed, so a result can say which words it lacks.
* ``Sequence`` - syllable pairs of one ``*_pairs`` field that must stand at
  consecutive positions: the exact phrase, not its pairs scattered around.
* ``Lift`` - a query whose documents' scores are multiplied by ``1 + factor``
  for each of the ``lifts`` (facet terms: the year, period or place a query
  names) they match: a lift in proportion to the score, never a filter.

Whoosh's own matchers do not know these nodes: every query is evaluated over
arrays (``search.vector``), the one evaluator.
"""

from __future__ import annotations

from whoosh import query as wq


class BestMatch(wq.Query):
    """Required parts, soft parts (a share must match), optional scoring parts."""

    fieldname = None  # spans fields (Whoosh's normalisers ask)

    def __init__(self, required, soft, labels, weak, optional=None, min_share=1.0, boost=1.0, whole=None):
        self.required = list(required)
        self.soft = list(soft)
        self.whole = list(whole) if whole is not None else [None] * len(self.soft)  # stricter form, or None
        self.labels = list(labels)  # one per soft part: the words as typed
        self.weak = list(weak)  # one per soft part: counts little towards the share (an ambiguous function word)
        self.optional = optional  # scored where it matches, never needed
        self.min_share = min_share
        self.boost = boost

    def children(self):
        return [*self.required, *self.soft, *([self.optional] if self.optional is not None else [])]

    def normalize(self):
        optional = self.optional.normalize() if self.optional is not None else None
        return BestMatch([q.normalize() for q in self.required], [q.normalize() for q in self.soft],
                         self.labels, self.weak, optional, self.min_share, self.boost,
                         [q.normalize() if q is not None else None for q in self.whole])

    def _key(self):
        return (tuple(self.required), tuple(self.soft), tuple(self.labels), tuple(self.weak),
                self.optional, self.min_share, self.boost, tuple(self.whole))

    def __eq__(self, other):
        return type(other) is BestMatch and other._key() == self._key()

    def __hash__(self):
        return hash(("BestMatch", self._key()))

    def __repr__(self):
        return f"BestMatch(required={self.required!r}, soft={self.labels!r}, min_share={self.min_share})"


class Sequence(wq.Query):
    """Pairs of ``fieldname`` standing at consecutive positions (the first pair at p, the next at p+1 ...)."""

    def __init__(self, fieldname: str, pairs, boost=1.0):
        self.fieldname = fieldname
        self.pairs = tuple(pairs)
        self.boost = boost

    def terms_query(self) -> wq.Query:
        """The pairs anywhere in the field (the candidates of the exact check)."""
        return wq.And([wq.Term(self.fieldname, p) for p in self.pairs], boost=self.boost)

    def normalize(self):
        return self

    def __eq__(self, other):
        return type(other) is Sequence and (other.fieldname, other.pairs, other.boost) == (
            self.fieldname, self.pairs, self.boost)

    def __hash__(self):
        return hash(("Sequence", self.fieldname, self.pairs, self.boost))

    def __repr__(self):
        return f"Sequence({self.fieldname!r}, {list(self.pairs)!r})"


class Lift(wq.Query):
    """``query``'s matches and scores, each score times ``1 + factor * (lifts it matches)``."""

    fieldname = None  # spans fields (Whoosh's normalisers ask, as of a best match)

    def __init__(self, query, lifts, factor: float, boost=1.0, label="for each named value it has"):
        self.query = query
        self.lifts = list(lifts)
        self.factor = factor
        self.boost = boost
        self.label = label  # what a lift is for, in explanations

    def children(self):
        return [self.query, *self.lifts]

    def normalize(self):
        return Lift(self.query.normalize(), self.lifts, self.factor, self.boost, self.label)

    def __eq__(self, other):  # the label too: two lifts that explain themselves differently are two lifts
        return type(other) is Lift and (other.query, other.lifts, other.factor, other.boost, other.label) == (
            self.query, self.lifts, self.factor, self.boost, self.label)

    def __hash__(self):
        return hash(("Lift", self.query, tuple(self.lifts), self.factor, self.boost, self.label))

    def __repr__(self):
        return f"Lift({self.query!r}, {self.lifts!r}, {self.factor}, label={self.label!r})"
