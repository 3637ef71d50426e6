"""Where an index lives on disk, and how a rebuilt one replaces the old atomically.

An index folder (``./instance/index`` by default) holds generations::

    instance/index/
        current -> gen-20261123T101500-4242   (a symbolic link)
        gen-20261123T101500-4242/             (a Whoosh index + cchc-build.json)
        gen-20261122T090000-1717/             (the previous one, kept for open readers)
        .lock                                 (held by the one running writer)

A full rebuild writes a new generation and then replaces the ``current`` link
with ``os.replace``, which is atomic: a reader sees the old index or the new
one, never a half-built or empty one, and a crash mid-build leaves the old one
serving. Incremental updates commit into the current generation through
Whoosh, whose own commit is atomic too. The link, the build record and the
stores derived from each commit (``search.hot``, ``search.arrays``) are all
written aside and renamed by ``search.stores``, under one rule.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index

from .schema import SCHEMA_VERSION
from .stores import Store

CURRENT = "current"
BUILD_INFO = "cchc-build.json"
KEEP_PREVIOUS = 1
BUILD_RECORD = Store(BUILD_INFO, folder=False, single=True)  # in each generation (``search.stores``)
CURRENT_LINK = Store(CURRENT, folder=False, single=True)  # in the index folder


class IndexMissing(RuntimeError):
    """There is no index to search at the given place."""

    def __init__(self, root: Path, message: str | None = None):
        super().__init__(message or
                         f"No index found at {root}. Build one with:  cchc index --corpus DIR --index {root}")


class IndexIncompatible(IndexMissing):
    """The index was written by another version of the schema (its analyzers may not even load)."""

    def __init__(self, root: Path, found):
        super().__init__(root, f"The index at {root} was built with schema version {found}; this version "
                               f"needs {SCHEMA_VERSION}. Rebuild it with:  cchc index --full --index {root}")


def current_generation(root: Path) -> Path | None:
    """The folder of the generation being served, or None (read from the file names: no unpickling)."""
    link = Path(root) / CURRENT
    if not link.is_symlink() and not link.is_dir():
        return None
    target = link.resolve()
    return target if target.is_dir() and any(target.glob("_MAIN_*.toc")) else None


def open_current(root: Path):
    """The Whoosh index being served; ``IndexMissing`` or ``IndexIncompatible`` when it cannot be."""
    generation = current_generation(root)
    if generation is None:
        raise IndexMissing(Path(root))
    found = read_build_info(generation).get("schema_version")
    if found != SCHEMA_VERSION:
        raise IndexIncompatible(Path(root), found)
    return whoosh_index.open_dir(str(generation))


@dataclass(frozen=True)
class IndexState:
    """One state of the served index: its generation, its Whoosh commit (toc) and when that was written."""

    generation: str
    toc: int
    written: float  # seconds since the epoch; 0 when unknown

    @property
    def key(self) -> str:
        """Different for every state ever served: a rebuild makes a new generation, a commit a new toc."""
        return f"{self.generation}/{self.toc}"


def index_state(generation: Path, toc: int) -> IndexState:
    """The state of ``generation`` at commit ``toc``; its time is that of the commit's toc file."""
    try:
        written = (Path(generation) / f"_MAIN_{toc}.toc").stat().st_mtime
    except OSError:
        written = 0.0
    return IndexState(Path(generation).name, toc, written)


def read_build_info(generation: Path | None) -> dict:
    """What the builder recorded about a generation (empty when unknown)."""
    if generation is None:
        return {}
    try:
        return json.loads((generation / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_build_info(generation: Path, info: dict) -> None:
    """Record build facts atomically (written aside, then renamed: ``search.stores``)."""
    text = json.dumps(info, ensure_ascii=False, indent=2)
    BUILD_RECORD.replace(generation, lambda temporary: temporary.write_text(text, encoding="utf-8"))


def new_generation(root: Path) -> Path:
    """A fresh, empty generation folder."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%f")
    folder = Path(root) / f"gen-{stamp}-{os.getpid()}"
    folder.mkdir(parents=True)
    return folder


def publish(root: Path, generation: Path) -> None:
    """Make ``generation`` the served one, atomically."""
    CURRENT_LINK.replace(root, lambda temporary: temporary.symlink_to(generation.name))


def prune(root: Path) -> list[Path]:
    """Remove generations other than the current and the previous finished one."""
    current = current_generation(root)
    generations = sorted((p for p in Path(root).glob("gen-*") if p.is_dir()), key=lambda p: p.name)
    finished = [p for p in generations if p != current and (p / BUILD_INFO).exists()]
    keep = {current, *finished[-KEEP_PREVIOUS:]}
    removed = [p for p in generations if p not in keep]
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    return removed
