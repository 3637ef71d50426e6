"""The Whoosh schema, and how a bulletin's fields map onto it.

Text is indexed three times with the analyzers of ``search.analysis``:
``title``, ``content`` and ``aside`` (the page's lines that cleaning kept out of
the title and the body: above the headline, chrome, related lists) hold
syllables and pyvi words with tone marks (exact matches), ``*_folded``
diacritics-free syllables (queries typed without tone marks), and ``*_pairs``
neighbouring folded syllables within a sentence, which answer phrases and
proximity. No field carries an index-time boost: the weight of each is a
query-time knob (``search.relevance``). ``number`` holds the document's own
numbers ("Số: 23/KH-UBND"), ``refs`` the numbers it cites. Only the pairs fields keep positions, packed as
plain uint32 arrays (``PackedPositions``) so a phrase check reads a whole block
of postings with NumPy: a phrase of n syllables is where its n-1 pairs stand at
consecutive positions. Facets are
untokenised fields; documents carry their metadata as one stored record
(``meta``) so that results are built without re-reading the text. ``figures`` is a column (read without
unpickling the stored text) holding the figures the bulletin reports as JSON (``indexer.figures``), from which
``search.figures`` builds the figures table.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter, defaultdict
from functools import cache

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Format
from whoosh.system import pack_uint

from .analysis import FOLDED, PAIRS, WORDS, VietnameseTokenizer
from .docnumbers import cited_as, ref_key

SCHEMA_VERSION = 8  # 8: the search fields write a lone y after the initial as i (textnorm.unify_spelling);
# a cited field (a short citation's serial and kind)
FACETS = ("province", "province_2025", "year", "quarter", "topic", "refs")
META_FIELDS = ("id", "title", "url", "province", "province_2025", "district", "year", "quarter",
               "published", "topics", "refs")
PERIOD_END = {"Q1": "0331", "Q2": "0630", "Q3": "0930", "Q4": "1231", "H1": "0630", "H2": "1231",
              "9M": "0930", "FY": "1231", None: "1231"}


class VietnameseText(TEXT):
    """A TEXT field (frequencies, no positions) that counts its analyzer's terms in one pass.

    Whoosh's own ``index`` builds a Token object per term and counts them in Python; this one asks the
    analyzer for the plain list of terms and counts it with ``Counter``: the same (term, frequency,
    weight, value) entries - a test compares them - at a fraction of the cost. The weight and value of a
    frequency are made once and shared by its postings (a writer's pool holds millions of them).
    """

    def index(self, value, **kwargs):
        if not isinstance(value, str) or not hasattr(self.analyzer, "terms"):
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        for term, frequency in Counter(self.analyzer.terms(value)).items():
            yield (term.encode("utf-8"), frequency, *_weight_and_value(frequency, boost))


@cache
def _weight_and_value(frequency: int, boost: float) -> tuple[float, bytes]:
    """A posting's weight and value (its frequency, as Whoosh's ``Frequency`` format packs it)."""
    return frequency * boost, pack_uint(frequency)


class PackedPositions(Format):
    """A posting's positions as a native uint32 array (frequency = their number).

    Whoosh's own ``Positions`` pickles delta lists, one ``loads`` per posting; this
    encoding lets ``search.vector`` decode a block of postings with one ``frombuffer``.

    >>> PackedPositions().decode_positions(PackedPositions().encode([3, 17]))
    [3, 17]
    """

    posting_size = -1
    textual = True
    __inittypes__ = dict(field_boost=float)

    def __init__(self, field_boost=1.0, **options):
        self.field_boost = field_boost
        self.options = options

    @staticmethod
    def encode(positions) -> bytes:
        return array("I", positions).tobytes()

    def word_values(self, value, analyzer, **kwargs):
        found = defaultdict(list)
        for token in analyzer(value, positions=True, **kwargs):
            found[token.text].append(token.pos)
        for term, positions in found.items():
            yield term, len(positions), len(positions) * self.field_boost, self.encode(positions)

    def decode_positions(self, valuestring) -> list[int]:
        return array("I", valuestring).tolist()

    def decode_frequency(self, valuestring) -> int:
        return len(valuestring) // 4

    def decode_weight(self, valuestring) -> float:
        return self.decode_frequency(valuestring) * self.field_boost


class PairsText(VietnameseText):
    """The ``*_pairs`` fields: neighbouring syllables with their positions (``PackedPositions``)."""

    def __init__(self, field_boost=1.0, **kwargs):
        super().__init__(analyzer=PAIRS, phrase=False, field_boost=field_boost, **kwargs)
        self.format = PackedPositions(field_boost=field_boost)

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        boost, found = self.format.field_boost, defaultdict(list)
        for term, position in VietnameseTokenizer.pairs(value):
            found[term].append(position)
        for term, positions in found.items():
            yield term.encode("utf-8"), len(positions), len(positions) * boost, self.format.encode(positions)


def build_schema() -> Schema:
    """A new instance of the index schema."""
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        title=VietnameseText(analyzer=WORDS, stored=True, phrase=False),
        title_folded=VietnameseText(analyzer=FOLDED, phrase=False),
        title_pairs=PairsText(),
        content=VietnameseText(analyzer=WORDS, stored=True, phrase=False),
        content_folded=VietnameseText(analyzer=FOLDED, phrase=False),
        content_pairs=PairsText(),
        aside=VietnameseText(analyzer=WORDS, phrase=False),
        aside_folded=VietnameseText(analyzer=FOLDED, phrase=False),
        aside_pairs=PairsText(),
        number=KEYWORD(scorable=False),
        province=ID,
        province_2025=ID,
        district=ID,
        year=ID,
        quarter=ID,
        topic=KEYWORD(scorable=False),
        refs=KEYWORD(scorable=False),
        cited=KEYWORD(scorable=True),  # each number's serial and kind, cited or its own: "61/nd" ("Nghị định 61")
        sortdate=NUMERIC(int, bits=32, sortable=True),
        digest=ID(sortable=True),
        meta=STORED,
        figures=COLUMN(VarBytesColumn()),  # the bulletin's figures as JSON (``indexer.figures``, ``search.figures``)
    )


def sort_date(published: str | None, year: int | None, quarter: str | None) -> int:
    """yyyymmdd used to order by date: the publication date, else the period's end."""
    if published:
        return int(published.replace("-", ""))
    if year:
        return int(f"{year}{PERIOD_END.get(quarter, '1231')}")
    return 0


def document_fields(bulletin: dict) -> dict:
    """The Whoosh fields of a bulletin given as a plain dict (see ``indexer.records.Bulletin``)."""
    meta = {name: bulletin.get(name) for name in META_FIELDS}
    meta["origin"] = bulletin.get("origin")
    numbers = [ref_key(r) for r in bulletin.get("numbers") or []]
    refs = [ref_key(r) for r in bulletin.get("refs") or []]
    fields = {
        "id": bulletin["id"],
        "title": bulletin["title"],
        "title_folded": bulletin["title"],
        "title_pairs": bulletin["title"],
        "content": bulletin["text"],
        "content_folded": bulletin["text"],
        "content_pairs": bulletin["text"],
        "aside": bulletin.get("aside") or "",
        "aside_folded": bulletin.get("aside") or "",
        "aside_pairs": bulletin.get("aside") or "",
        "number": " ".join(numbers),
        "topic": " ".join(bulletin.get("topics") or []),
        "refs": " ".join(refs),
        "cited": " ".join(sorted({short for key in [*refs, *numbers] if (short := cited_as(key))})),
        "sortdate": sort_date(bulletin.get("published"), bulletin.get("year"), bulletin.get("quarter")),
        "digest": bulletin.get("digest") or "",
        "meta": meta,
    }
    # every document gets a value (b"" for none): Whoosh's VarBytes column reader fails on the documents
    # after a segment's last stored value
    figures = bulletin.get("figures")
    fields["figures"] = json.dumps(figures, ensure_ascii=False, separators=(",", ":")).encode() if figures else b""
    for name in ("province", "province_2025", "district", "quarter"):
        if bulletin.get(name):
            fields[name] = bulletin[name]
    if bulletin.get("year"):
        fields["year"] = str(bulletin["year"])
    return {k: v for k, v in fields.items() if v != ""}
