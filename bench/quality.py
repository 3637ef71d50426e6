"""Quality on a judged collection: ranking against two peers, and metadata against labels.

    python -m bench.quality [--collection bench/judged] [--markdown bench/QUALITY.md] [--json PATH] [--jobs N]

One run indexes the collection's ``corpus/`` with our indexer into a temporary
folder, runs every judged query through three engines over the same texts
(ours, SQLite FTS5 and stock Whoosh: ``bench.peers``), scores each top ten
(``bench.metrics``), averages per query kind and overall, and compares the
metadata our index holds with ``labels.jsonl``. ``measure`` returns all of it
as plain data; the command prints a table and writes a markdown report
(``bench.report``). The collection's format is in ``bench/judged/README.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
import time
from pathlib import Path

from bench.collection import KINDS, CollectionError, JudgedQuery, read_labels, read_queries
from bench.metrics import METADATA_FIELDS, average, field_accuracy, province_errors, score_ranking, topic_scores
from bench.peers import Fts5Peer, WhooshPeer, documents
from bench.report import markdown_report, text_table
from indexer.builder import build_index
from search.engine import SearchEngine
from search.models import make_request
from search.query import QuerySyntaxError

ENGINES = ("ours", "fts5", "whoosh")
DEFAULT_COLLECTION = Path("bench/judged")
DEFAULT_MARKDOWN = Path("bench/QUALITY.md")


def search_ours(engine: SearchEngine, query: JudgedQuery) -> list[str]:
    """Our top ten for a judged query; a query our parser refuses finds nothing."""
    try:
        response = engine.run_search(make_request(query=query.query, filters=query.filters, per_page=10))
    except QuerySyntaxError:
        return []
    return [hit.id for hit in response.results]


def rank_all(engine: SearchEngine, peers: dict, queries: list[JudgedQuery]) -> list[dict]:
    """Per query: its judgements and, per engine, the ids ranked and their scores."""
    rows = []
    for query in queries:
        filters = make_request(filters=query.filters).filters  # the canonical values our index holds
        ranked = {"ours": search_ours(engine, query),
                  **{name: peer.search(query.query, filters) for name, peer in peers.items()}}
        rows.append({"id": query.id, "kind": query.kind, "query": query.query, "filters": query.filters,
                     "relevant": query.relevant,
                     "engines": {name: {"ranked": ids, **score_ranking(ids, query.relevant)}
                                 for name, ids in ranked.items()}})
    return rows


def relevance_table(rows: list[dict]) -> dict:
    """engine -> kind (those present, then "all") -> averages."""
    kinds = [kind for kind in KINDS if any(row["kind"] == kind for row in rows)]
    groups = {kind: [row for row in rows if row["kind"] == kind] for kind in kinds} | {"all": rows}
    return {engine: {kind: average([row["engines"][engine] for row in group]) for kind, group in groups.items()}
            for engine in ENGINES}


def extracted_metadata(document: dict | None) -> dict:
    """The labelled fields of one bulletin as our index holds them (all None when it was not indexed)."""
    return {name: (document or {}).get(name) for name in (*METADATA_FIELDS, "topics")}


def metadata_figures(engine: SearchEngine, labels: list[dict]) -> dict:
    """Per-field accuracy, wrong and missed provinces, topic scores, and labelled ids missing from the index."""
    stored = {label["id"]: engine.document(label["id"]) for label in labels}
    triples = [(label["id"], extracted_metadata(stored[label["id"]]), label) for label in labels]
    pairs = [(got, want) for _, got, want in triples]
    provinces = province_errors(triples)
    return {"bulletins": len(labels), "accuracy": field_accuracy(pairs),
            "wrong_provinces": len(provinces["wrong"]), "wrong_province_ids": provinces["wrong"],
            "missed_provinces": len(provinces["missed"]), "missed_province_ids": provinces["missed"],
            "topics": topic_scores(pairs), "not_indexed": [doc for doc, found in stored.items() if found is None]}


def measure(collection: Path, jobs: int | None = 1) -> dict:
    """Index ``collection/corpus`` into a temporary folder and return every figure as plain data.

    :raises bench.collection.CollectionError: a malformed ``queries.jsonl`` or ``labels.jsonl``.
    :raises search.models.RequestError: a query's filter value our engine does not know.
    """
    collection = Path(collection)
    queries, labels = read_queries(collection), read_labels(collection)
    with tempfile.TemporaryDirectory(prefix="cchc-quality-") as folder:
        built = build_index(collection / "corpus", Path(folder) / "index", full=True, jobs=jobs)
        engine = SearchEngine(Path(folder) / "index", cache_size=0)
        docs = documents(engine.root)
        peers = {"fts5": Fts5Peer(docs), "whoosh": WhooshPeer(docs)}
        try:
            rows = rank_all(engine, peers, queries)
            metadata = metadata_figures(engine, labels)
        finally:
            peers["fts5"].close()
            engine.close()
    return {"collection": str(collection), "bulletins": len(docs), "queries": len(queries),
            "skipped": sorted(skip.origin for skip in built.skipped),
            "relevance": relevance_table(rows), "per_query": rows, "metadata": metadata}


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__.split("\n\n")[0])
    parser.add_argument("--collection", type=Path, default=DEFAULT_COLLECTION, help="judged collection folder")
    parser.add_argument("--markdown", type=Path, default=DEFAULT_MARKDOWN, help="markdown report to write")
    parser.add_argument("--json", type=Path, default=None, help="also dump every figure as JSON here")
    parser.add_argument("--jobs", type=int, default=None, help="indexing processes [default: all cores]")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    started = time.perf_counter()
    try:
        figures = measure(args.collection, jobs=args.jobs)
    except (FileNotFoundError, CollectionError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    stamp = {"date": datetime.date.today().isoformat(), "seconds": round(time.perf_counter() - started, 1)}
    print(text_table(figures))
    args.markdown.write_text(markdown_report(figures, stamp["date"]), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(stamp | figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n{figures['bulletins']} bulletins, {figures['queries']} queries, {stamp['seconds']} s; "
          f"report written to {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
