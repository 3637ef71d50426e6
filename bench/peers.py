"""The two peer engines of the quality measure: SQLite FTS5 and stock Whoosh.

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
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from whoosh import fields, scoring
from whoosh import query as wq
from whoosh.analysis import StandardAnalyzer
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import MultifieldParser, OrGroup

from search import storage

LIMIT = 10
SINGLE_FACETS = ("province", "province_2025", "year", "quarter")


def documents(index_root: Path) -> list[dict]:
    """Every bulletin of our index: id, title, content and the facet values (year as text), by id."""
    out = []
    with storage.open_current(index_root).searcher() as searcher:
        for stored in searcher.all_stored_fields():
            meta = stored["meta"]
            out.append({"id": meta["id"], "title": meta.get("title") or "", "content": stored.get("content", ""),
                        "province": meta.get("province"), "province_2025": meta.get("province_2025"),
                        "year": None if meta.get("year") is None else str(meta["year"]),
                        "quarter": meta.get("quarter"), "topics": list(meta.get("topics") or [])})
    return sorted(out, key=lambda d: d["id"])


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

    def search(self, query: str, filters: dict[str, list[str]]) -> list[str]:
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
               f"ORDER BY bm25(docs), docs.rowid LIMIT {LIMIT}")
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
        self.index = RamStorage().create_index(whoosh_schema())
        with self.index.writer() as writer:
            for doc in docs:
                facets = {name: doc[name] for name in SINGLE_FACETS if doc[name] is not None}
                writer.add_document(id=doc["id"], title=doc["title"], content=doc["content"],
                                    topic=" ".join(doc["topics"]), **facets)
        self.parser = MultifieldParser(["content", "title"], self.index.schema, group=OrGroup)

    def search(self, query: str, filters: dict[str, list[str]]) -> list[str]:
        parsed = self.parser.parse(query)
        allowed = wq.And([wq.Or([wq.Term(name, value) for value in chosen]) for name, chosen in filters.items()])
        with self.index.searcher(weighting=scoring.BM25F()) as searcher:
            hits = searcher.search(parsed, limit=LIMIT, filter=allowed if filters else None)
            return [hit["id"] for hit in hits]
