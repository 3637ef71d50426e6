"""A small corpus for the research views: eight bulletins over three years, four provinces, citing decrees.

``q=một cửa`` matches v1, v2, v3, v5 and v8; v8 names no province.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from indexer.builder import build_index

CORPUS = Path(__file__).parent / "files" / "views.jsonl"
MOT_CUA = "một cửa"


def build_views_index(folder: Path) -> Path:
    """The views corpus indexed under ``folder``; returns the index path."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    shutil.copy(CORPUS, corpus / "views.jsonl")
    build_index(corpus, folder / "index", jobs=1)
    return folder / "index"
