"""The tantivy peer: the fastest open engine a Python user could pick instead (``pip install tantivy``).

The same bulletins as our index and FTS5 (texts read from our index) go into a
tantivy index: title and content folded to ASCII with our ``fold`` (tantivy's
default tokenizer keeps diacritics, so queries are folded the same way),
facet values as raw fast fields. A search parses the query with tantivy's own
parser (words OR-ed, "phrases" and multi-part words such as document numbers
as phrases, title boosted as ours is), filters with term-set queries, ranks by
tantivy's BM25 (newest first for an empty query) and counts the four facets
with a terms aggregation - the work our engine does. Needs the ``bench`` extra.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from search import storage
from search.relevance import DEFAULT
from search.schema import sort_date
from search.textnorm import fold

FACETS = ("province", "year", "quarter", "topic")


def _tantivy():
    import tantivy  # the bench extra

    return tantivy


def _schema():
    tantivy = _tantivy()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=False)
    builder.add_text_field("content", stored=False)
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    for name in FACETS:
        builder.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)
    builder.add_integer_field("sortdate", stored=False, fast=True, indexed=True)
    return builder.build()


def build(index_root: Path, folder: Path) -> tuple[float, int]:
    """Write every bulletin of our index into a tantivy index at ``folder``; (seconds, documents)."""
    tantivy = _tantivy()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with storage.open_current(index_root).searcher() as searcher:
        rows = [(fields["meta"], fields.get("content", "")) for fields in searcher.all_stored_fields()]
    started = time.perf_counter()
    index = tantivy.Index(_schema(), path=str(folder))
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for meta, content in rows:
        values = {"title": fold(meta["title"].lower()), "content": fold(content.lower()), "id": meta["id"],
                  "sortdate": sort_date(meta.get("published"), meta.get("year"), meta.get("quarter")),
                  "province": meta.get("province") or "", "year": str(meta.get("year") or ""),
                  "quarter": meta.get("quarter") or "", "topic": list(meta.get("topics") or [])}
        writer.add_document(tantivy.Document(**{k: v for k, v in values.items() if v not in ("", [])}))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - started, len(rows)


def query_string(query: str) -> str | None:
    """Our query text for tantivy's parser: folded words OR-ed, phrases and multi-part words quoted."""
    parts = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', fold(query.lower())):
        tokens = re.findall(r"\w+", phrase or word)
        if tokens:
            parts.append(('+"' if phrase else '"') + " ".join(tokens) + '"' if phrase or len(tokens) > 1
                         else tokens[0])
    return " ".join(parts) or None


class TantivySearcher:
    def __init__(self, folder: Path):
        tantivy = _tantivy()
        self.tantivy = tantivy
        self.index = tantivy.Index.open(str(folder))
        self.searcher = self.index.searcher()

    def _query(self, query: str, filters: dict[str, list[str]]):
        text = query_string(query)
        Occur, Query = self.tantivy.Occur, self.tantivy.Query
        base = (self.index.parse_query(text, ["title", "content"], field_boosts={"title": DEFAULT.title_boost})
                if text else Query.all_query())
        if not filters:
            return base
        schema = self.index.schema
        clauses = [(Occur.Must, base)] + [(Occur.Must, Query.term_set_query(schema, name, list(values)))
                                         for name, values in filters.items()]
        return Query.boolean_query(clauses)

    def search(self, query: str, filters: dict[str, list[str]], page: int = 1, per_page: int = 10):
        """Top page, total and four facet counts, as ``bench.fts5.Fts5Searcher.search`` returns them."""
        compiled = self._query(query, filters)
        offset = (page - 1) * per_page
        if query.strip():
            found = self.searcher.search(compiled, limit=per_page, offset=offset, count=True)
        else:
            found = self.searcher.search(compiled, limit=per_page, offset=offset, count=True,
                                         order_by_field="sortdate")
        top = [self.searcher.doc(address)["id"][0] for _, address in found.hits]  # the page's bulletins, as ours
        aggregations = {name: {"terms": {"field": name, "size": 100}} for name in FACETS}
        counts = self.searcher.aggregate(compiled, aggregations)
        facets = {name: [(b["key"], b["doc_count"]) for b in counts[name]["buckets"]] for name in FACETS}
        return found.count, top, facets
