"""The SQLite FTS5 peer: the same bulletins and queries, for side-by-side figures.

Texts and metadata are read from our own index (so both engines see the same
cleaned text), written to an FTS5 table with the ``unicode61 remove_diacritics
2`` tokenizer (accent-insensitive, like our folded fields) and a metadata table
for facet counts. A search runs the MATCH, ranks by ``bm25``, and counts the
four facets with ``GROUP BY`` over the matches - the work our engine does - in
one read-only statement (nothing is written per query).
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
FACETS = ("province", "year", "quarter", "topic")


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
    """Our query text as an FTS5 MATCH: words OR-ed (as our best match and the quality peer do),
    "phrases" kept as phrases and required, document numbers as phrases.

    Diacritics are left to the tokenizer, which removes tone marks and vowel marks but keeps đ.
    """
    words, phrases = [], []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        tokens = re.findall(r"\w+", (phrase or word).lower())
        if not tokens:
            continue
        if phrase or len(tokens) > 1:
            (phrases if phrase else words).append('"' + " ".join(tokens) + '"')
        else:
            words.append(tokens[0])
    either = "(" + " OR ".join(words) + ")" if words else ""
    return " AND ".join([*phrases, *([either] if either else [])]) or None


class Fts5Searcher:
    def __init__(self, database: Path):
        self.connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)

    def search(self, query: str, filters: dict[str, list[str]], page: int = 1, per_page: int = 10):
        """Top page by bm25 (newest first for an empty query), total, and four facet counts.

        Read-only SQL, one statement: the matches (with their bm25) are a materialised common table
        expression, filtered once; the total, the page and the four facet counts are read from it.
        """
        expression = match_expression(query)
        source = ("SELECT rowid, bm25(docs, 3.0, 1.0) AS score FROM docs WHERE docs MATCH :q" if expression
                  else "SELECT rowid, 0 AS score FROM meta")
        conditions, arguments = [], {"q": expression, "limit": per_page, "offset": (page - 1) * per_page}
        for i, (name, values) in enumerate(filters.items()):
            marks = ",".join(f":f{i}_{j}" for j in range(len(values)))
            arguments.update({f"f{i}_{j}": v for j, v in enumerate(values)})
            table = "topic" if name == "topic" else "meta"
            conditions.append(f"rowid IN (SELECT rowid FROM {table} WHERE {name} IN ({marks}))")
        where = (" WHERE " + " AND ".join(conditions)).replace("rowid IN", "matched.rowid IN") if conditions else ""
        order = "hits.score, hits.rowid" if expression else "hits.sortdate DESC, hits.rowid"
        sql = f"""
            WITH matched AS MATERIALIZED ({source}),
                 hits AS MATERIALIZED (SELECT matched.rowid AS rowid, score, sortdate FROM matched
                                       JOIN meta ON meta.rowid = matched.rowid{where})
            SELECT 'total', NULL, count(*) FROM hits
            UNION ALL SELECT 'top', id, NULL FROM (SELECT id FROM hits JOIN meta USING (rowid)
                                                    ORDER BY {order}
                                                    LIMIT :limit OFFSET :offset)
            UNION ALL SELECT 'province', province, count(*) FROM hits JOIN meta USING (rowid) GROUP BY province
            UNION ALL SELECT 'year', year, count(*) FROM hits JOIN meta USING (rowid) GROUP BY year
            UNION ALL SELECT 'quarter', quarter, count(*) FROM hits JOIN meta USING (rowid) GROUP BY quarter
            UNION ALL SELECT 'topic', topic, count(*) FROM hits JOIN topic USING (rowid) GROUP BY topic"""
        total, top, facets = 0, [], {name: [] for name in FACETS}
        for kind, value, count in self.connection.execute(sql, arguments):
            if kind == "total":
                total = count
            elif kind == "top":
                top.append(value)
            else:
                facets[kind].append((value, count))
        return total, top, facets
