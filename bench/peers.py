"""The peer engines of the quality measure: plain BM25, SQLite FTS5 and stock Whoosh.

Both are built from the stored fields of our own index (``documents``), so the
three engines rank the same cleaned titles and texts and filter on the same
metadata values. Each peer answers ``search(query, filters)`` with the ids of
its top ten, best first; ``filters`` are the canonical facet values of a
``SearchRequest`` (facet -> values; values of one facet OR-ed, facets AND-ed).

- FTS5: ``unicode61 remove_diacritics 2`` over title and content, the query's
  word tokens OR-ed (a quoted phrase stays a phrase), ranked by ``bm25(docs)``,
  filters as SQL conditions on a metadata table.
- Whoosh: ``StandardAnalyzer`` on title and content in a RAM index, the query
  parsed by ``MultifieldParser`` with ``OrGroup``, BM25F, filters as a filter
  query on ID fields.
- BM25: the floor any search engineer tries first, as Elasticsearch ranks with
  a Vietnamese analyzer and an ASCII-folding sub-field: title and content as
  one text, two fields over it (pyvi words, lower-cased; syllables with their
  diacritics folded), BM25 with k1 1.2 and b 0.75 on each, a document's score
  the sum of the two (``multi_match`` of type ``most_fields``), the query's
  terms OR-ed (quotes ignored), filters on the labelled values.

Filters use the *labelled* metadata where a bulletin has a label (the peers
are given the true facet values; our engine uses its own extraction).
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
import uuid
from collections import Counter
from pathlib import Path

from whoosh import fields, scoring
from whoosh import query as wq
from whoosh.analysis import StandardAnalyzer
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import MultifieldParser, OrGroup

from search import storage

LIMIT = 10
SINGLE_FACETS = ("province", "province_2025", "year", "quarter")


def documents(index_root: Path, labels: list[dict] | None = None) -> list[dict]:
    """Every bulletin of our index: id, title, content and the facet values (year as text), by id.

    Where ``labels`` has the bulletin, its facet values are the labelled ones (the true filters).
    """
    truth = {label["id"]: _facet_values(label) for label in labels or []}
    out = []
    with storage.open_current(index_root).searcher() as searcher:
        for stored in searcher.all_stored_fields():
            meta = stored["meta"]
            out.append({"id": meta["id"], "title": meta.get("title") or "", "content": stored.get("content", ""),
                        "province": meta.get("province"), "province_2025": meta.get("province_2025"),
                        "year": None if meta.get("year") is None else str(meta["year"]),
                        "quarter": meta.get("quarter"), "topics": list(meta.get("topics") or [])})
            out[-1].update(truth.get(meta["id"], {}))
    return sorted(out, key=lambda d: d["id"])


def _facet_values(label: dict) -> dict:
    """A label's facet values in the form ``documents`` gives them (year as text, topics a list)."""
    values = {name: label.get(name) for name in SINGLE_FACETS}
    values["year"] = None if values["year"] is None else str(values["year"])
    return values | {"topics": list(label.get("topics") or [])}


def matches_filters(doc: dict, filters: dict[str, list[str]]) -> bool:
    """True when ``doc`` has one of the chosen values of every filtered facet."""
    for name, chosen in filters.items():
        have = doc["topics"] if name == "topic" else [doc.get(name)]
        if not set(have) & set(chosen):
            return False
    return True


# -- SQLite FTS5 ----------------------------------------------------------------------
FTS5_SCHEMA = """
CREATE VIRTUAL TABLE docs USING fts5(title, content, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE meta (rowid INTEGER PRIMARY KEY, id TEXT, province TEXT, province_2025 TEXT, year TEXT, quarter TEXT);
CREATE TABLE topic (rowid INTEGER, topic TEXT);
"""


def or_expression(query: str) -> str | None:
    """The query as an FTS5 MATCH of its word tokens OR-ed, each quoted; a "quoted phrase" stays a phrase.

    >>> or_expression('một cửa "dịch vụ công" 61/2018/NĐ-CP')
    '"một" OR "cửa" OR "dịch vụ công" OR "61" OR "2018" OR "NĐ" OR "CP"'
    """
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"?|(\S+)', query):
        tokens = re.findall(r"[^\W_]+", phrase or word)
        if phrase and tokens:
            parts.append('"' + " ".join(tokens) + '"')
        else:
            parts += [f'"{token}"' for token in tokens]
    return " OR ".join(parts) or None


class Fts5Peer:
    """An in-memory FTS5 database of the bulletins."""

    def __init__(self, docs: list[dict]):
        self.connection = sqlite3.connect(":memory:")
        self.connection.executescript(FTS5_SCHEMA)
        with self.connection:
            for rowid, doc in enumerate(docs, 1):
                self.connection.execute("INSERT INTO docs(rowid, title, content) VALUES (?, ?, ?)",
                                        (rowid, doc["title"], doc["content"]))
                self.connection.execute("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?)",
                                        (rowid, doc["id"], *(doc[name] for name in SINGLE_FACETS)))
                self.connection.executemany("INSERT INTO topic VALUES (?, ?)", [(rowid, t) for t in doc["topics"]])

    def search(self, query: str, filters: dict[str, list[str]], limit: int = LIMIT) -> list[str]:
        expression = or_expression(query)
        if expression is None:
            return []
        conditions, values = ["docs MATCH ?"], [expression]
        for name, chosen in filters.items():
            marks = ",".join("?" * len(chosen))
            if name == "topic":
                conditions.append(f"docs.rowid IN (SELECT rowid FROM topic WHERE topic IN ({marks}))")
            else:
                conditions.append(f"meta.{name} IN ({marks})")
            values += chosen
        sql = (f"SELECT meta.id FROM docs JOIN meta ON meta.rowid = docs.rowid WHERE {' AND '.join(conditions)} "
               f"ORDER BY bm25(docs), docs.rowid LIMIT {int(limit)}")
        return [row[0] for row in self.connection.execute(sql, values)]

    def close(self) -> None:
        self.connection.close()


# -- stock Whoosh -----------------------------------------------------------------------
def whoosh_schema() -> fields.Schema:
    """Title and content with Whoosh's StandardAnalyzer; facets as ID fields (topics as keywords)."""
    return fields.Schema(id=fields.ID(stored=True, unique=True), title=fields.TEXT(analyzer=StandardAnalyzer()),
                         content=fields.TEXT(analyzer=StandardAnalyzer()),
                         **{name: fields.ID() for name in SINGLE_FACETS}, topic=fields.KEYWORD())


class WhooshPeer:
    """A RAM Whoosh index of the bulletins, searched as an out-of-the-box Whoosh site would."""

    def __init__(self, docs: list[dict]):
        # a name of its own: a RAM index's writer keeps its temporary files in the system's temp folder under
        # "<indexname>.tmp" and deletes that folder when done, under another run's feet if two share a name
        self.index = RamStorage().create_index(whoosh_schema(), indexname=f"peer{uuid.uuid4().hex}")
        with self.index.writer() as writer:
            for doc in docs:
                facets = {name: doc[name] for name in SINGLE_FACETS if doc[name] is not None}
                writer.add_document(id=doc["id"], title=doc["title"], content=doc["content"],
                                    topic=" ".join(doc["topics"]), **facets)
        self.parser = MultifieldParser(["content", "title"], self.index.schema, group=OrGroup)

    def search(self, query: str, filters: dict[str, list[str]], limit: int = LIMIT) -> list[str]:
        parsed = self.parser.parse(query)
        allowed = wq.And([wq.Or([wq.Term(name, value) for value in chosen]) for name, chosen in filters.items()])
        with self.index.searcher(weighting=scoring.BM25F()) as searcher:
            hits = searcher.search(parsed, limit=limit, filter=allowed if filters else None)
            return [hit["id"] for hit in hits]


# -- plain BM25 over pyvi words and folded syllables ---------------------------------------
K1, B = 1.2, 0.75


def fold_diacritics(text: str) -> str:
    """Lower case without diacritics (đ -> d), as an ASCII-folding filter does."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def bm25_terms(text: str) -> dict[str, list[str]]:
    """The two fields' terms: pyvi words (lower case, NFC) and folded syllables."""
    from pyvi.ViTokenizer import ViTokenizer

    text = unicodedata.normalize("NFC", text)
    words = [w.lower() for w in re.findall(r"[^\W_]+(?:_[^\W_]+)*", ViTokenizer.tokenize(text))]
    return {"words": words, "folded": re.findall(r"[^\W_]+", fold_diacritics(text))}


class Bm25Field:
    """One inverted field: term -> {doc number: frequency}, with the lengths BM25 normalises by."""

    def __init__(self, token_lists: list[list[str]]):
        self.postings: dict[str, dict[int, int]] = {}
        for number, tokens in enumerate(token_lists):
            for term, count in Counter(tokens).items():
                self.postings.setdefault(term, {})[number] = count
        self.lengths = [len(tokens) for tokens in token_lists]
        self.average = sum(self.lengths) / max(1, len(self.lengths))

    def add_scores(self, terms: list[str], scores: dict[int, float]) -> None:
        """Add each query term's BM25 contribution (Lucene's idf) to ``scores``."""
        total = len(self.lengths)
        for term in terms:
            posting = self.postings.get(term, {})
            idf = math.log(1 + (total - len(posting) + 0.5) / (len(posting) + 0.5))
            for number, freq in posting.items():
                norm = K1 * (1 - B + B * self.lengths[number] / self.average)
                scores[number] = scores.get(number, 0.0) + idf * freq * (K1 + 1) / (freq + norm)


class Bm25Peer:
    """BM25 (k1 1.2, b 0.75) OR-query summed over a pyvi-word field and a folded-syllable field."""

    def __init__(self, docs: list[dict]):
        self.docs = docs
        analysed = [bm25_terms(doc["title"] + "\n" + doc["content"]) for doc in docs]
        self.fields = {name: Bm25Field([terms[name] for terms in analysed]) for name in ("words", "folded")}

    def search(self, query: str, filters: dict[str, list[str]], limit: int = LIMIT) -> list[str]:
        terms = bm25_terms(query.replace('"', " "))
        scores: dict[int, float] = {}
        for name, field in self.fields.items():
            field.add_scores(terms[name], scores)
        ranked = sorted((number for number in scores if matches_filters(self.docs[number], filters)),
                        key=lambda number: (-scores[number], number))
        return [self.docs[number]["id"] for number in ranked[:limit]]
