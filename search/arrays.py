"""Index arrays: what every serving process needs per document, written at index time and memory-mapped.

A search needs, per document number, the facet values (``facets.FacetTable``),
the date it sorts by, whether it is live (not deleted) and, per scored text
field, the length Whoosh's BM25F sees. Built in each process from the Whoosh
reader, these cost a pass over every document and a private copy per gunicorn
worker. ``ensure_arrays`` (called by ``indexer.builder`` after each commit)
stores them as ``.npy`` files beside the segments::

    gen-.../arrays-<toc>/       (toc: the Whoosh commit they describe)
        manifest.json           documents, facet names and values, length fields
        live.npy  sortdate.npy  codes-<facet>.npy  members-<facet>.npy  lengths-<field>.npy
        sparse-<facet>-offsets.npy  sparse-<facet>-docs.npy  sparse-<facet>-codes.npy
        vocabulary-{best,pairs}-{keys,key_ends,values,value_ends}.npy   did-you-mean (``search.suggest``)
        figures-{doc,item,indicator,unit,period,scope,level,province,year,value,start,end}.npy   (``search.figures``)

``open_arrays`` memory-maps them read-only (``np.load(mmap_mode="r")``), so the
operating system keeps one copy for all workers and opening costs no pass over
the documents; an index without them (older, or a commit whose arrays are not
written yet) gets them computed, as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

from .citations import Postings
from .facets import MULTI, SINGLE, SPARSE, FacetTable
from .figures import FigureTable
from .stores import Store
from .suggest import Vocabulary, for_searcher, load_vocabulary, save_vocabulary

ARRAYS = Store("arrays-")  # arrays-<toc> folders (``search.stores``)
FORMAT = 5  # 2: sparse facets (cited documents) as compressed rows; 3: the did-you-mean vocabulary; 4: figures;
# 5: the province of a figure's scope
_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_BYTE_LENGTHS[0] = 1.0  # Whoosh's scorer reads a missing length as the default, 1


@dataclass
class IndexArrays:
    """Per-document arrays of one Whoosh commit."""

    table: FacetTable
    lengths: dict[str, np.ndarray]  # scored field -> float64 length per docnum
    mapped: bool  # read from files (shared between processes) rather than computed
    vocabulary: Vocabulary | None = None  # did-you-mean, stored arrays only (else built on first use)
    figures: FigureTable | None = None  # every figure the documents report (``search.figures``)


def folder_for(generation: Path, toc: int) -> Path:
    return ARRAYS.path(generation, str(toc))


def scored_fields(schema) -> list[str]:
    """Fields whose lengths BM25F reads (the scorable ones)."""
    return [name for name, field in schema.items() if field.scorable]


def field_lengths(reader, field: str) -> np.ndarray:
    """Each document's length in ``field`` as Whoosh's scorer sees it (one byte decoded; 1 when none).

    Reads each segment's one-byte length column as a whole (no loop over documents).
    """
    size = reader.doc_count_all()
    found = np.zeros(size, dtype=np.uint8)
    for leaf, offset in reader.leaf_readers():
        perdoc = getattr(leaf, "_perdoc", None)  # an empty index has an EmptyReader
        column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN) if perdoc is not None else None
        if column is None:
            continue
        count = min(column._count, leaf.doc_count_all())
        raw = column._dbfile.get(column._basepos, count)
        found[offset:offset + count] = np.frombuffer(raw, dtype=np.uint8)
    return _BYTE_LENGTHS[found]


def compute(reader, schema) -> IndexArrays:
    """The arrays read from a Whoosh reader (the fallback, and what ``ensure_arrays`` stores)."""
    table = FacetTable.build(reader)
    lengths = {name: field_lengths(reader, name) for name in scored_fields(schema)}
    return IndexArrays(table, lengths, mapped=False, figures=FigureTable.build(reader))


def _computed(ix) -> IndexArrays:
    """The arrays and the vocabulary of the index's latest commit, computed (what ``_save`` stores)."""
    with ix.searcher() as searcher:
        arrays = compute(searcher.reader(), ix.schema)
        arrays.vocabulary = for_searcher(searcher, arrays.table.live)
    return arrays


def ensure_arrays(generation: Path, ix) -> Path:
    """The arrays of the index's latest commit, written unless they already are, as this code reads them;
    the arrays of older commits are dropped (``search.stores``)."""
    toc = ix.latest_generation()

    def current(folder: Path) -> bool:
        with ix.reader() as reader:
            return load_arrays(generation, toc, reader, ix.schema) is not None

    ARRAYS.update(generation, [str(toc)], lambda folder, _: _save(folder, _computed(ix)), current=current)
    return folder_for(generation, toc)


def _save(folder: Path, arrays: IndexArrays) -> None:
    table = arrays.table
    np.save(folder / "live.npy", table.live)
    np.save(folder / "sortdate.npy", table.sortdate)
    for name, column in table.codes.items():
        np.save(folder / f"codes-{name}.npy", column)
    for name, masks in table.members.items():
        np.save(folder / f"members-{name}.npy", np.array(masks, dtype=bool).reshape(len(masks), table.size))
    for name, lengths in arrays.lengths.items():
        np.save(folder / f"lengths-{name}.npy", lengths)
    for name, postings in table.sparse.items():
        for part in ("offsets", "docs", "codes"):
            np.save(folder / f"sparse-{name}-{part}.npy", getattr(postings, part))
    if arrays.vocabulary is not None:
        save_vocabulary(folder, arrays.vocabulary)
    manifest = {"format": FORMAT, "documents": table.size, "values": table.values,
                "single": list(table.codes), "multi": list(table.members), "sparse": list(table.sparse),
                "lengths": list(arrays.lengths), "figures": arrays.figures.save(folder)}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def load_arrays(generation: Path, toc: int, reader, schema) -> IndexArrays | None:
    """The stored arrays of commit ``toc``, memory-mapped, or None when absent or not matching this code."""
    folder = folder_for(generation, toc)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    expected = (FORMAT, reader.doc_count_all(), list(SINGLE), list(MULTI), list(SPARSE), scored_fields(schema))
    found = (manifest.get("format"), manifest.get("documents"), manifest.get("single"), manifest.get("multi"),
             manifest.get("sparse"), manifest.get("lengths"))
    if found != expected:
        return None
    try:
        return _mapped(folder, manifest)
    except (OSError, ValueError, KeyError):
        return None


def _mapped(folder: Path, manifest: dict) -> IndexArrays:
    def load(name):
        return np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r"))  # a plain ndarray over the map

    size = manifest["documents"]
    codes = {name: load(f"codes-{name}") for name in manifest["single"]}
    members = {name: list(load(f"members-{name}")) for name in manifest["multi"]}
    sparse = {name: Postings(manifest["values"][name], *(load(f"sparse-{name}-{part}")
                                                         for part in ("offsets", "docs", "codes")))
              for name in manifest["sparse"]}
    table = FacetTable(size, load("live"), manifest["values"], codes, members, load("sortdate"), sparse)
    lengths = {name: load(f"lengths-{name}") for name in manifest["lengths"]}
    return IndexArrays(table, lengths, mapped=True, vocabulary=load_vocabulary(folder),
                       figures=FigureTable.load(folder, manifest["figures"]))


def open_arrays(generation: Path, toc: int, reader, schema) -> IndexArrays:
    """Memory-mapped arrays when written for this commit, else computed from the reader."""
    return load_arrays(generation, toc, reader, schema) or compute(reader, schema)
