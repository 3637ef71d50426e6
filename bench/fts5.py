"""The SQLite FTS5 peer: the same bulletins and queries, for side-by-side figures.

Texts and metadata are read from our own index (so both engines see the same
cleaned text), written to an FTS5 table with the ``unicode61 remove_diacritics
2`` tokenizer (accent-insensitive, like our folded fields) and a metadata table
for facet counts. A search runs the MATCH, ranks by ``bm25``, and counts the
four facets with ``GROUP BY`` over the matches - the work our engine does.
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

from search import storage
from search.schema import sort_date

SCHEMA = """
CREATE VIRTUAL TABLE docs USING fts5(title, content, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE meta (rowid INTEGER PRIMARY KEY, id TEXT, province TEXT, year TEXT, quarter TEXT, sortdate INTEGER);
CREATE TABLE topic (rowid INTEGER, topic TEXT);
CREATE INDEX topic_rowid ON topic(rowid);
"""
FACETS = {"province": "SELECT province, count(*) FROM meta JOIN hits USING (rowid) GROUP BY province",
          "year": "SELECT year, count(*) FROM meta JOIN hits USING (rowid) GROUP BY year",
          "quarter": "SELECT quarter, count(*) FROM meta JOIN hits USING (rowid) GROUP BY quarter",
          "topic": "SELECT topic, count(*) FROM topic JOIN hits USING (rowid) GROUP BY topic"}


def build(index_root: Path, database: Path) -> tuple[float, int]:
    """Write every bulletin of our index into an FTS5 database; (seconds, documents)."""
    database.unlink(missing_ok=True)
    rows = []
    with storage.open_current(index_root).searcher() as searcher:
        for fields in searcher.all_stored_fields():
            meta = fields["meta"]
            date = sort_date(meta.get("published"), meta.get("year"), meta.get("quarter"))
            rows.append((meta["title"], fields.get("content", ""), meta["id"], meta.get("province"),
                         str(meta.get("year") or ""), meta.get("quarter"), date, meta.get("topics") or []))
    started = time.perf_counter()
    connection = sqlite3.connect(database)
    connection.executescript(SCHEMA)
    with connection:
        for rowid, (title, content, doc_id, province, year, quarter, date, topics) in enumerate(rows, 1):
            connection.execute("INSERT INTO docs(rowid, title, content) VALUES (?, ?, ?)", (rowid, title, content))
            connection.execute("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?)",
                               (rowid, doc_id, province, year, quarter, date))
            connection.executemany("INSERT INTO topic VALUES (?, ?)", [(rowid, t) for t in topics])
    connection.close()
    return time.perf_counter() - started, len(rows)


def match_expression(query: str) -> str | None:
    """Our query text as an FTS5 MATCH: words AND-ed, "phrases" kept, document numbers as phrases.

    Diacritics are left to the tokenizer, which removes tone marks and vowel marks but keeps đ.
    """
    parts = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        text = phrase or word
        tokens = re.findall(r"\w+", text.lower())
        if not tokens:
            continue
        parts.append('"' + " ".join(tokens) + '"' if phrase or len(tokens) > 1 else tokens[0])
    return " AND ".join(parts) or None


class Fts5Searcher:
    def __init__(self, database: Path):
        self.connection = sqlite3.connect(database, check_same_thread=False)

    def search(self, query: str, filters: dict[str, list[str]], page: int = 1, per_page: int = 10):
        """Top page by bm25 (newest first for an empty query), total, and four facet counts.

        One MATCH pass stores every match with its bm25 in a keyed temporary table; filters delete from
        it; count, page and facets read it. (Combining MATCH with a rowid IN (...) condition makes SQLite
        run the MATCH once per row.)
        """
        expression = match_expression(query)
        cursor = self.connection.cursor()
        cursor.execute("DROP TABLE IF EXISTS temp.hits")
        cursor.execute("CREATE TEMP TABLE hits (rowid INTEGER PRIMARY KEY, score REAL)")
        if expression:
            cursor.execute("INSERT INTO hits SELECT rowid, bm25(docs, 3.0, 1.0) FROM docs WHERE docs MATCH ?",
                           [expression])
        else:
            cursor.execute("INSERT INTO hits SELECT rowid, 0 FROM meta")
        for name, values in filters.items():
            table = "topic" if name == "topic" else "meta"
            marks = ",".join("?" * len(values))
            cursor.execute(f"DELETE FROM hits WHERE rowid NOT IN (SELECT rowid FROM {table} WHERE {name} IN ({marks}))",
                           list(values))
        total = cursor.execute("SELECT count(*) FROM hits").fetchone()[0]
        offset = (page - 1) * per_page
        order = "hits.score, rowid" if expression else "meta.sortdate DESC, rowid"
        top = cursor.execute(f"SELECT rowid FROM hits JOIN meta USING (rowid) ORDER BY {order} LIMIT ? OFFSET ?",
                             [per_page, offset]).fetchall()
        facets = {name: cursor.execute(sql).fetchall() for name, sql in FACETS.items()}
        return total, [r[0] for r in top], facets
