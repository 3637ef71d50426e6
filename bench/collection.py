"""Reading a judged collection: its folder layout, queries and metadata labels.

A judged collection (``bench/judged/README.md``) is a folder holding
``corpus/`` (the bulletins), ``labels.jsonl`` (hand-made metadata, one line per
bulletin) and ``queries.jsonl`` (queries with graded relevance judgements).
This module turns the two JSONL files into plain data and checks the few things
the measures depend on, naming the line at fault when one is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("natural", "unaccented", "facet", "phrase", "docnum")


class CollectionError(ValueError):
    """The judged collection cannot be measured as it stands."""


@dataclass(frozen=True)
class JudgedQuery:
    id: str
    query: str
    kind: str
    filters: dict = field(default_factory=dict)  # facet -> list of values, as URL parameters
    relevant: dict = field(default_factory=dict)  # bulletin id -> grade (1 or 2)


def read_jsonl(path: Path) -> list[dict]:
    """Every non-blank line of a JSONL file, parsed; ``CollectionError`` names a bad line."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise CollectionError(f"{path.name} line {number}: {error.msg}") from None
    return rows


def _judged_query(row: dict, require_relevant: bool = True) -> JudgedQuery:
    if row.get("kind") not in KINDS:
        raise CollectionError(f"query {row.get('id')}: kind {row.get('kind')!r} is not one of {', '.join(KINDS)}")
    relevant = {doc: int(grade) for doc, grade in (row.get("relevant") or {}).items() if int(grade) >= 1}
    if require_relevant and not relevant:
        raise CollectionError(f"query {row['id']}: no bulletin is judged relevant, so recall is undefined")
    filters = {name: [str(v) for v in ([values] if isinstance(values, str) else values)]
               for name, values in (row.get("filters") or {}).items()}
    return JudgedQuery(id=row["id"], query=row["query"], kind=row["kind"], filters=filters, relevant=relevant)


def read_queries(collection: Path, require_relevant: bool = True, name: str = "queries.jsonl") -> list[JudgedQuery]:
    """The queries of ``collection/queries.jsonl`` in file order.

    A query with no relevant bulletin is an error unless ``require_relevant`` is false (the real
    collection keeps the queries its pool found nothing for, and a split may hold none of a query's).
    """
    return [_judged_query(row, require_relevant) for row in read_jsonl(Path(collection) / name)]


def read_labels(collection: Path) -> list[dict]:
    """The metadata labels of ``collection/labels.jsonl`` in file order, each with its ``id``."""
    labels = read_jsonl(Path(collection) / "labels.jsonl")
    for label in labels:
        label.setdefault("id", Path(label["file"]).stem)
    return labels
