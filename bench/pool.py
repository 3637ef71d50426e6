"""The judging pool of the real collection: for each query, the bulletins a judge must read.

    python -m bench.pool [--queries queries.draft.jsonl] [--out bench/out/pool.jsonl] [--depth 20]

Pooling, as TREC does it: the union of the top ``depth`` of our engine, the plain BM25 peer and FTS5 over
the whole real collection, plus a grep - every bulletin whose diacritics-folded text holds all of the
query's content syllables (its document number, for a number query). Candidates are listed sorted by id,
so a judge cannot tell which system found what. Each line of the output:
``{"id", "query", "kind", "filters", "notes", "candidates": [ids]}``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from bench import realtexts
from bench.collection import CollectionError, read_jsonl
from bench.peers import Bm25Peer, Fts5Peer, documents, fold_diacritics, matches_filters
from bench.quality import search_ours
from indexer.builder import build_index
from search.engine import SearchEngine
from search.models import make_request

DEPTH = 20
_FUNCTION_WORDS = {"của", "các", "những", "và", "là", "ở", "tại", "về", "trong", "cho", "với", "năm", "tỉnh",
                   "huyện", "thì", "có", "được", "để", "thế", "nào", "bao", "nhiêu", "gì", "như"}


def grep_terms(query: str) -> list[str]:
    """The folded content syllables of a query, or its document numbers when it holds any.

    >>> grep_terms('nghị định 61/2018/NĐ-CP')
    ['61/2018/nd-cp']
    >>> grep_terms('"một cửa" của tỉnh')
    ['mot', 'cua']
    """
    folded = fold_diacritics(query)
    numbers = re.findall(r"\b\d+[a-z]?(?:/\d{4})?/[a-z]+(?:-[a-z]+)*\b", folded)
    if numbers:
        return numbers
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", query.lower()))
    return [fold_diacritics(word) for word in words if word not in _FUNCTION_WORDS and len(word) > 1]


def grep(docs: list[dict], query: str, filters: dict) -> list[str]:
    """Ids of the bulletins (matching ``filters``) whose folded text holds every grep term."""
    terms = grep_terms(query)
    found = []
    for doc in docs:
        text = fold_diacritics(doc["title"] + "\n" + doc["content"])
        if terms and all(re.search(rf"(?<![\w/]){re.escape(term)}(?![\w])", text) for term in terms) \
                and matches_filters(doc, filters):
            found.append(doc["id"])
    return found


def build_pool(queries_file: str, depth: int = DEPTH) -> list[dict]:
    """One pool line per query of ``bench/real/<queries_file>``."""
    rows = read_jsonl(realtexts.REAL / queries_file)
    with tempfile.TemporaryDirectory(prefix="cchc-pool-") as folder:
        _, labels, missing = realtexts.split_collection(None, Path(folder), queries_file=queries_file)
        if missing:
            print(f"warning: {len(missing)} texts missing, left out of the pool", file=sys.stderr)
        build_index(Path(folder) / "corpus", Path(folder) / "index", full=True)
        engine = SearchEngine(Path(folder) / "index", cache_size=0)
        docs = documents(engine.root, labels)
        bm25, fts5 = Bm25Peer(docs), Fts5Peer(docs)
        pool = []
        for row in rows:
            filters = make_request(filters=row.get("filters") or {}).filters
            found = set(search_ours(engine, row["query"], row.get("filters") or {}, depth))
            found |= set(bm25.search(row["query"], filters, depth)) | set(fts5.search(row["query"], filters, depth))
            found |= set(grep(docs, row["query"], filters))
            pool.append({key: row.get(key) for key in ("id", "query", "kind", "filters", "notes")}
                        | {"candidates": sorted(found)})
        fts5.close()
        engine.close()
    return pool


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pool", description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", default="queries.draft.jsonl", help="file below bench/real")
    parser.add_argument("--out", type=Path, default=Path("bench/out/pool.jsonl"))
    parser.add_argument("--depth", type=int, default=DEPTH)
    args = parser.parse_args(argv)
    try:
        pool = build_pool(args.queries, args.depth)
    except (FileNotFoundError, CollectionError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in pool), encoding="utf-8")
    sizes = [len(row["candidates"]) for row in pool]
    print(f"{len(pool)} queries, {sum(sizes)} candidates (mean {sum(sizes) / max(1, len(sizes)):.1f}) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
