"""Rendering the quality figures of ``bench.quality``: terminal tables and a markdown report.

Both read the same plain dictionaries (one per collection: judged, real dev, real test); neither computes a
figure of its own.
"""

from __future__ import annotations

from bench.figures import markdown_lines as figure_lines
from bench.metrics import METADATA_FIELDS

ENGINE_NAMES = {"ours": "ours", "bm25": "BM25", "fts5": "FTS5", "whoosh": "Whoosh"}
MEASURES = ("recall@10", "mrr", "ndcg@10")


def _relevance_rows(figures: dict) -> list[list[str]]:
    """One row per kind: kind, queries, then each measure for each engine."""
    relevance = figures["relevance"]
    rows = []
    for kind, ours in relevance["ours"].items():
        cells = [kind, str(ours["queries"])]
        for measure in MEASURES:
            cells += [f"{relevance[engine][kind][measure]:.3f}" for engine in ENGINE_NAMES]
        rows.append(cells)
    return rows


def _relevance_header() -> list[str]:
    return ["kind", "queries"] + [f"{m} {ENGINE_NAMES[e]}" for m in MEASURES for e in ENGINE_NAMES]


def _metadata_rows(metadata: dict) -> list[list[str]]:
    rows = [[name, f"{metadata['accuracy'][name]:.3f}"] for name in METADATA_FIELDS]
    headlines = metadata["headline_titles"]
    rows.insert(1, ["title, bulletins with a headline",
                    f"{headlines['accuracy']:.3f} ({headlines['right']} of {headlines['of']})"])
    rows.append(["wrong provinces (count)", str(metadata["wrong_provinces"])])
    rows.append(["missed provinces (count)", str(metadata["missed_provinces"])])
    rows += [[f"topics {name}", f"{metadata['topics'][name]:.3f}"] for name in ("precision", "recall", "f1")]
    return rows


def _aligned(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in [header, *rows]]


def _absent(figures: dict) -> str | None:
    """Why a collection has no figures (its texts are missing here), else None."""
    if figures.get("bulletins"):
        return None
    return (f"{figures['collection']}: no text here ({figures.get('missing_texts', 0)} missing; "
            "see bench/real/README.md to collect them)")


def _missing_note(figures: dict) -> list[str]:
    missing = figures.get("missing_texts")
    return [f"{missing} labelled texts missing here, left out of these figures."] if missing else []


def text_table(collections: list[dict]) -> str:
    """Per collection: the relevance and metadata tables, aligned for a terminal."""
    lines: list[str] = []
    for figures in collections:
        absent = _absent(figures)
        if absent:
            lines += [absent, ""]
            continue
        lines += [f"== {figures['collection']}: {figures['bulletins']} bulletins, {figures['queries']} queries"]
        lines += _missing_note(figures)
        lines += _aligned(_relevance_header(), _relevance_rows(figures))
        lines += [""] + _aligned(["metadata", "accuracy"], _metadata_rows(figures["metadata"])) + [""]
        if figures.get("figures"):
            overall = figures["figures"]["overall"]
            lines += [f"figures: precision {overall['precision']}, recall {overall['recall']} "
                      f"({overall['correct']} of {overall['extracted']} extracted, {overall['labelled']} labelled)", ""]
    return "\n".join(lines).rstrip()


def _markdown_table(header: list[str], rows: list[list[str]], numeric_from: int) -> list[str]:
    rule = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    return ["| " + " | ".join(row) + " |" for row in [header, rule, *rows]]


def missed_lines(figures: dict) -> list[str]:
    """One line per query where our top ten lacks relevant bulletins: ids missed (grade), ids found."""
    lines = []
    for row in figures["per_query"]:
        ranked = row["engines"]["ours"]["ranked"]
        missed = [doc for doc in row["relevant"] if doc not in ranked]
        if missed:
            found = [doc for doc in ranked if doc in row["relevant"]]
            lines.append(f"- {row['id']} ({row['kind']}): missed "
                         + ", ".join(f"{doc} ({row['relevant'][doc]})" for doc in missed)
                         + (f"; found {', '.join(found)}" if found else "; none found"))
    return lines


INTRODUCTION = [
    "Written by `python -m bench.quality`. Collections: **judged** (`bench/judged`, written by the team: a "
    "regression set), **real dev** and **real test** (`bench/real`: real bulletins, split once by a hash of "
    "their address; dev is tuned on, test only reported). Engines: ours; **BM25**, the plain peer (k1 1.2, "
    "b 0.75, OR over pyvi words plus folded syllables); SQLite **FTS5** (unicode61, diacritics removed, OR); "
    "stock **Whoosh** (StandardAnalyzer, OR, BM25F). The peers filter on the labelled facet values; ours on "
    "its own metadata.", "",
    "Relevant = grade 1 or 2. recall@10: relevant found in the top 10 over the number relevant (at most "
    "10); MRR: mean reciprocal rank of the first relevant result; nDCG@10: gain = grade, log2 discount.", "",
    "Metadata: exact equality per field (null = null is right; titles compared after NFC and whitespace "
    "collapsing). A wrong province is an extracted value that differs from the label; nothing extracted "
    "where the label has one is a miss. Topics: micro precision, recall and F1."]


def markdown_report(collections: list[dict], date: str) -> str:
    """The whole report as markdown: one section per collection."""
    lines = ["# Search quality", "", f"{date}. " + INTRODUCTION[0], *INTRODUCTION[1:]]
    for figures in collections:
        lines += [""] + _collection_section(figures)
    return "\n".join(lines) + "\n"


def _collection_section(figures: dict) -> list[str]:
    absent = _absent(figures)
    if absent:
        return [f"## {figures['collection']}", "", absent]
    metadata = figures["metadata"]
    lines = [f"## {figures['collection']}", "",
             f"{figures['bulletins']} bulletins indexed, {figures['queries']} queries, "
             f"{metadata['bulletins']} labelled bulletins.", *_missing_note(figures), "",
             "### Ranking (top 10)", ""]
    lines += _markdown_table(_relevance_header(), _relevance_rows(figures), 1)
    lines += ["", "### Metadata of our index against the labels", ""]
    lines += _markdown_table(["measure", "value"], _metadata_rows(metadata), 1)
    for label, key in (("Wrong provinces", "wrong_province_ids"), ("Missed provinces", "missed_province_ids"),
                       ("Labelled but not indexed", "not_indexed")):
        if metadata[key]:
            lines += ["", f"{label}: {', '.join(metadata[key])}"]
    if figures["skipped"]:
        lines += ["", f"Skipped by the indexer: {', '.join(figures['skipped'])}"]
    if figures.get("figures"):
        lines += [""] + figure_lines(figures["figures"], listed=figures["collection"] != "real test")
    if figures["collection"] == "real test":
        return lines  # never tuned on: its misses are not listed, so nobody tunes on them
    misses = missed_lines(figures)
    lines += ["", "### Queries where our top 10 misses relevant bulletins", "",
              "Bulletin ids with their grade, to guide tuning.", ""] + (misses or ["None."])
    return lines
