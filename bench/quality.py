"""Quality on judged collections: ranking against three peers, and metadata against labels.

    python -m bench.quality [--real | --judged-only] [--collection bench/judged] [--markdown bench/QUALITY.md]
                            [--json PATH] [--jobs N]

A run measures the judged collection (``bench/judged``, written by the team: a regression set) and the two
splits of the real collection (``bench/real``: **dev**, tuned on, and **test**, reported, never tuned on;
``bench.realtexts``), each indexed on its own; ``--real`` measures only the real splits, ``--judged-only``
only the judged collection. Where real texts are missing the report names how many.

Per collection, one run indexes its ``corpus/`` with our indexer into a temporary
folder, runs every judged query through four engines over the same texts
(ours; the plain BM25 peer, SQLite FTS5 and stock Whoosh of ``bench.peers``,
which filter on the *labelled* facet values), scores each top ten
(``bench.metrics``), averages per query kind and overall, and compares the
metadata our index holds with ``labels.jsonl``, and for the real splits the figures it extracted with
``figures.jsonl`` (``bench.figures``: precision and recall per indicator). ``measure`` returns all of it
as plain data; the command prints tables and writes a markdown report
(``bench.report``). The collections' format is in ``bench/judged/README.md`` and ``bench/real/README.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
import time
from pathlib import Path

from bench import realtexts
from bench.collection import KINDS, CollectionError, JudgedQuery, read_labels, read_queries
from bench.figures import figure_quality, read_figure_labels
from bench.metrics import (
    METADATA_FIELDS,
    average,
    field_accuracy,
    headline_titles,
    province_errors,
    score_ranking,
    topic_scores,
)
from bench.peers import Bm25Peer, Fts5Peer, WhooshPeer, documents
from bench.report import markdown_report, text_table
from indexer.builder import build_index
from search.engine import SearchEngine
from search.models import make_request
from search.query import QuerySyntaxError
from search.relevance import DEFAULT, Relevance

ENGINES = ("ours", "bm25", "fts5", "whoosh")
DEFAULT_COLLECTION = Path("bench/judged")
DEFAULT_MARKDOWN = Path("bench/QUALITY.md")


def search_ours(engine: SearchEngine, query: str, filters: dict, limit: int = 10) -> list[str]:
    """Our top ``limit`` for a query and its filters; a query our parser refuses finds nothing."""
    try:
        response = engine.run_search(make_request(query=query, filters=filters, per_page=limit))
    except QuerySyntaxError:
        return []
    return [hit.id for hit in response.results]


def rank_all(engine: SearchEngine, peers: dict, queries: list[JudgedQuery]) -> list[dict]:
    """Per query: its judgements and, per engine, the ids ranked and their scores."""
    rows = []
    for query in queries:
        filters = make_request(filters=query.filters).filters  # the canonical values our index holds
        ranked = {"ours": search_ours(engine, query.query, query.filters),
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
    return {"bulletins": len(labels), "accuracy": field_accuracy(pairs), "headline_titles": headline_titles(pairs),
            "wrong_provinces": len(provinces["wrong"]), "wrong_province_ids": provinces["wrong"],
            "missed_provinces": len(provinces["missed"]), "missed_province_ids": provinces["missed"],
            "topics": topic_scores(pairs), "not_indexed": [doc for doc, found in stored.items() if found is None]}


def measure_corpus(name: str, corpus: Path, queries: list[JudgedQuery], labels: list[dict],
                   jobs: int | None = 1, relevance: Relevance = DEFAULT,
                   figure_labels: dict[str, list[dict]] | None = None) -> dict:
    """Index ``corpus`` into a temporary folder and return every figure as plain data.

    :raises search.models.RequestError: a query's filter value our engine does not know.
    """
    with tempfile.TemporaryDirectory(prefix="cchc-quality-") as folder:
        built = build_index(corpus, Path(folder) / "index", full=True, jobs=jobs)
        engine = SearchEngine(Path(folder) / "index", cache_size=0, relevance=relevance)
        docs = documents(engine.root, labels)
        peers = {"bm25": Bm25Peer(docs), "fts5": Fts5Peer(docs), "whoosh": WhooshPeer(docs)}
        try:
            rows = rank_all(engine, peers, queries)
            metadata = metadata_figures(engine, labels)
            figures = None if figure_labels is None else figure_quality(
                {doc: (engine.document(doc) or {}).get("figures", []) for doc in figure_labels}, figure_labels)
        finally:
            peers["fts5"].close()
            engine.close()
    return {"collection": name, "bulletins": len(docs), "queries": len(queries),
            "skipped": sorted(skip.origin for skip in built.skipped),
            "relevance": relevance_table(rows), "per_query": rows, "metadata": metadata,
            **({"figures": figures} if figures is not None else {})}


def measure(collection: Path, jobs: int | None = 1, relevance: Relevance = DEFAULT) -> dict:
    """Every figure of a judged collection folder (``corpus/``, ``queries.jsonl``, ``labels.jsonl``).

    :raises bench.collection.CollectionError: a malformed ``queries.jsonl`` or ``labels.jsonl``.
    :raises search.models.RequestError: a query's filter value our engine does not know.
    """
    collection = Path(collection)
    return measure_corpus(str(collection), collection / "corpus", read_queries(collection),
                          read_labels(collection), jobs, relevance)


def measure_real(split: str, jobs: int | None = 1, real: Path = realtexts.REAL,
                 relevance: Relevance = DEFAULT) -> dict:
    """Every figure of one split of the real collection, with the number of its texts missing here."""
    with tempfile.TemporaryDirectory(prefix=f"cchc-real-{split}-") as folder:
        queries, labels, missing = realtexts.split_collection(split, Path(folder), real)
        if not labels:
            return {"collection": f"real {split}", "missing_texts": len(missing), "bulletins": 0}
        every = read_figure_labels(real)  # bench/real/figures.jsonl (bench.figures), when there is one
        ids = {label["id"] for label in labels}
        figure_labels = None if every is None else {doc: rows for doc, rows in every.items() if doc in ids}
        figures = measure_corpus(f"real {split}", Path(folder) / "corpus", queries, labels, jobs, relevance,
                                 figure_labels)
    return figures | {"missing_texts": len(missing)}


RECORDED = "recorded.json"
GATE_MARGIN = 0.02  # a kind may fall this far below its recorded figure before the gate fails


def write_recorded(path: Path, figures: dict, date: str) -> None:
    """The figures a later run is held to (``gate_failures``): ranking per kind, metadata per field."""
    metadata = figures["metadata"]
    recorded = {"_about": f"Figures of python -m bench.quality --record on {date}; tests/test_quality.py fails "
                          f"when a kind or field falls more than {GATE_MARGIN} below them, or when ours falls "
                          "behind FTS5 or the BM25 peer on nDCG@10 or MRR of any kind.",
                "relevance": {kind: {m: row[m] for m in ("recall@10", "mrr", "ndcg@10")}
                              for kind, row in figures["relevance"]["ours"].items()},
                "metadata": {**metadata["accuracy"], "wrong_provinces": metadata["wrong_provinces"],
                             **{f"topics_{k}": metadata["topics"][k] for k in ("precision", "recall")}}}
    path.write_text(json.dumps(recorded, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def gate_failures(figures: dict, recorded: dict) -> list[str]:
    """Every way the figures fail the gates, as readable lines (empty: they pass)."""
    relevance = figures["relevance"]
    ours = relevance["ours"]
    out = [f"{kind} {m}: ours {ours[kind][m]} < {peer} {relevance[peer][kind][m]}"
           for kind in ours for peer in ("bm25", "fts5") for m in ("ndcg@10", "mrr")
           if ours[kind][m] < relevance[peer][kind][m]]
    out += [f"{kind} {m}: {ours.get(kind, {}).get(m)} more than {GATE_MARGIN} below the recorded {value}"
            for kind, measures in recorded["relevance"].items() for m, value in measures.items()
            if ours.get(kind, {}).get(m, 0.0) < value - GATE_MARGIN]
    metadata = figures["metadata"]
    got = {**metadata["accuracy"], "wrong_provinces": metadata["wrong_provinces"],
           **{f"topics_{k}": metadata["topics"][k] for k in ("precision", "recall")}}
    for name, value in recorded["metadata"].items():
        worse = got[name] > value if name == "wrong_provinces" else got[name] < value - GATE_MARGIN
        if worse:
            out.append(f"metadata {name}: {got[name]} against the recorded {value}")
    return out


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__.split("\n\n")[0])
    parser.add_argument("--collection", type=Path, default=DEFAULT_COLLECTION, help="judged collection folder")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--real", action="store_true", help="only the real collection's dev and test splits")
    which.add_argument("--judged-only", action="store_true", help="only the judged collection")
    parser.add_argument("--markdown", type=Path, default=DEFAULT_MARKDOWN, help="markdown report to write")
    parser.add_argument("--json", type=Path, default=None, help="also dump every figure as JSON here")
    parser.add_argument("--jobs", type=int, default=None, help="indexing processes [default: all cores]")
    parser.add_argument("--real-collection", type=Path, default=realtexts.REAL, help="real collection folder")
    parser.add_argument("--record", action="store_true",
                        help="write the judged collection's figures to its recorded.json (the regression gate)")
    parser.add_argument("--set", action="append", default=[], metavar="KNOB=VALUE",
                        help="a ranking setting of search.relevance.Relevance for this run (repeatable)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    started = time.perf_counter()
    try:
        relevance = Relevance.parse(args.set)
        collections = [] if args.real else [measure(args.collection, args.jobs, relevance)]
        if not args.judged_only:
            collections += [measure_real(split, args.jobs, args.real_collection, relevance)
                            for split in realtexts.SPLITS]
    except (FileNotFoundError, CollectionError, ValueError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    stamp = {"date": datetime.date.today().isoformat(), "seconds": round(time.perf_counter() - started, 1)}
    print(text_table(collections))
    if args.record and not args.real:
        write_recorded(args.collection / RECORDED, collections[0], stamp["date"])
    failures = [] if args.real or args.record else judged_gates(args.collection, collections[0])
    args.markdown.write_text(markdown_report(collections, stamp["date"]), encoding="utf-8")
    if args.json:
        document = stamp | {"collections": collections}
        args.json.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n{stamp['seconds']} s; report written to {args.markdown}", file=sys.stderr)
    return GATES_FAILED if failures else 0


GATES_FAILED = 2  # the exit status of a run whose judged figures fail their gates


def judged_gates(collection: Path, figures: dict) -> list[str]:
    """The gate failures of a judged collection's figures, printed (none when it has no ``recorded.json``)."""
    recorded = collection / RECORDED
    if not recorded.is_file():
        return []
    failures = gate_failures(figures, json.loads(recorded.read_text(encoding="utf-8")))
    print("\ngates: " + ("pass" if not failures else f"{len(failures)} failed"))
    for failure in failures:
        print(f"  {failure}")
    return failures


if __name__ == "__main__":
    sys.exit(main())
