"""Derived stores: written aside and renamed, stale entries and killed writers' temporaries swept, by one rule."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import numpy as np
import pytest

from indexer.builder import build_index
from search import storage
from search.arrays import ARRAYS, ensure_arrays, load_arrays, scored_fields
from search.engine import SearchEngine
from search.hot import HOT, ensure_hot, load_segment, segment_id, write_segment
from search.index_state import latest_toc
from search.models import make_request
from search.stores import Store
from tests.conftest import ROOT
from tests.helpers import dead_pid

STORES = {"hot": HOT, "arrays": ARRAYS, "build record": storage.BUILD_RECORD, "current link": storage.CURRENT_LINK}
WHERE = {"hot": "search.hot:HOT", "arrays": "search.arrays:ARRAYS", "build record": "search.storage:BUILD_RECORD",
         "current link": "search.storage:CURRENT_LINK"}


@pytest.fixture
def index(sample_index, tmp_path):
    """A writable copy of the sample index (the bundled corpus): (root, served generation)."""
    root = tmp_path / "index"
    shutil.copytree(sample_index, root, symlinks=True)
    return root, storage.current_generation(root)


def _listing(folder) -> dict[str, tuple[int, int]]:
    """(inode, mtime of a file) of every entry below ``folder``, by path: what changed, what was written again."""
    return {p.relative_to(folder).as_posix(): (p.lstat().st_ino, None if p.is_dir() else p.lstat().st_mtime_ns)
            for p in folder.rglob("*")}


def _segment(root) -> str:
    with storage.open_current(root).reader() as reader:
        return segment_id(next(iter(reader.leaf_readers()))[0])


def _ensure(name, root, generation):
    """What the indexer runs for a store (each sweeps its store after writing)."""
    ix = storage.open_current(root)
    if name == "hot":
        with ix.reader() as reader:
            ensure_hot(generation, reader, scored_fields(ix.schema))
    elif name == "arrays":
        ensure_arrays(generation, ix)
    elif name == "build record":
        storage.write_build_info(generation, storage.read_build_info(generation))
    else:
        storage.publish(root, generation)


def _key(name, root, generation) -> str:
    return {"hot": _segment(root), "arrays": str(latest_toc(generation))}.get(name, "")


def _parent(name, root, generation):
    return root if name == "current link" else generation


WRITER = """
import importlib, sys, time
from pathlib import Path

module, name = sys.argv[1].split(":")
store = getattr(importlib.import_module(module), name)

def write(temporary, key):
    if store.folder:
        (temporary / "half.npy").write_bytes(b"half written")
    else:
        temporary.write_text("half written")
    print("writing", flush=True)
    time.sleep(120)

store.update(Path(sys.argv[2]), [sys.argv[3]], write)
"""


@pytest.mark.parametrize("name", list(STORES))
def test_a_killed_writers_temporary_is_swept_and_a_running_ones_is_not(index, name):
    root, generation = index
    parent, key = _parent(name, root, generation), _key(name, root, generation)
    store = STORES[name]
    with subprocess.Popen([sys.executable, "-c", WRITER, WHERE[name], str(parent), key], cwd=ROOT, text=True,
                          stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)}) as writer:
        try:
            assert writer.stdout.readline() == "writing\n"
            temporary = store.temporary(parent, key, writer.pid)
            assert temporary.exists()
            before = _listing(root)
            _ensure(name, root, generation)  # the writer still runs: its temporary is its own
            assert temporary.exists() and store.path(parent, key).exists()
            if name in ("hot", "arrays"):
                assert _listing(root) == before  # current entries are not written again
        finally:
            writer.send_signal(signal.SIGKILL)
    _ensure(name, root, generation)
    assert not temporary.exists()
    assert not [p.name for p in parent.iterdir() if p.name.startswith(".") and p.name != ".lock"]
    response = SearchEngine(root, cache_size=0).run_search(make_request("cải cách hành chính"))
    assert response.total == 5


def test_the_stale_entries_of_a_store_are_dropped_and_the_current_ones_kept(index):
    root, generation = index
    toc, segment = latest_toc(generation), _segment(root)
    shutil.copytree(HOT.path(generation, segment), HOT.path(generation, "MAIN_gone"))
    shutil.copytree(ARRAYS.path(generation, str(toc)), ARRAYS.path(generation, str(toc - 1)))
    stale = (HOT.path(generation, "MAIN_gone").name, ARRAYS.path(generation, str(toc - 1)).name)
    kept = {name: found for name, found in _listing(generation).items() if name.split("/")[0] not in stale}
    _ensure("hot", root, generation)
    _ensure("arrays", root, generation)
    assert sorted(p.name for p in generation.iterdir() if p.is_dir()) == [f"arrays-{toc}", f"hot-{segment}"]
    assert _listing(generation) == kept  # nothing else removed, nothing written again


def test_an_entry_not_current_is_written_again_in_place(index):
    root, generation = index
    toc = latest_toc(generation)
    manifest = ARRAYS.path(generation, str(toc)) / "manifest.json"
    manifest.write_text("{}")  # damaged, or written by another version: not current
    ix = storage.open_current(root)
    with ix.reader() as reader:
        assert load_arrays(generation, toc, reader, ix.schema) is None
        ensure_arrays(generation, ix)
        assert load_arrays(generation, toc, reader, ix.schema).mapped


def test_open_memory_maps_of_dropped_entries_stay_readable(index, corpus_copy):
    root, generation = index
    gone = HOT.path(generation, "MAIN_gone")
    with storage.open_current(root).reader() as reader:  # lists of two documents or more: real arrays to map
        leaf = next(iter(reader.leaf_readers()))[0]
        HOT.update(generation, ["MAIN_gone"], lambda folder, _: write_segment(folder, leaf, scored_fields(
            reader.schema), 2))
    hot = load_segment(gone)
    assert len(hot) > 100 and isinstance(hot.ids.base, np.memmap)
    term = next(iter(hot.terms["content"]))
    hot_before = (hot.ids.tolist(), hot.weights.tolist(), hot.get("content", term)[0].tolist())
    engine = SearchEngine(root, cache_size=0)
    arrays = engine._current().arrays
    assert arrays.mapped and isinstance(arrays.table.live.base, np.memmap)
    arrays_before = (arrays.table.live.tolist(), {f: v.tolist() for f, v in arrays.lengths.items()})
    old = ARRAYS.path(generation, str(latest_toc(generation)))

    (corpus_copy / "new.txt").write_text("Hội nghị CCHC huyện Mộc Châu\n\nCải cách thủ tục hành chính.\n",
                                         encoding="utf-8")
    build_index(corpus_copy, root, jobs=1)  # an incremental run: a new commit, new arrays, new hot postings
    assert storage.current_generation(root) == generation
    assert not gone.exists() and not old.exists()
    assert (hot.ids.tolist(), hot.weights.tolist(), hot.get("content", term)[0].tolist()) == hot_before
    assert (arrays.table.live.tolist(), {f: v.tolist() for f, v in arrays.lengths.items()}) == arrays_before


@pytest.mark.parametrize("name", list(STORES))
def test_a_store_never_sweeps_another_stores_entries(tmp_path, name):
    """Every store's entries and dead writers' temporaries in one folder, with names that look like theirs:
    updating one store removes its own stale entries and temporaries, and nothing else."""
    pid = dead_pid()
    names = {other: {"entry": other.path(tmp_path, "MAIN_a" if not other.single else ""),
                     "stale": None if other.single else other.path(tmp_path, "MAIN_b"),
                     "temporary": other.temporary(tmp_path, "MAIN_c" if not other.single else "", pid)}
             for other in STORES.values()}
    lookalikes = ["hot-", "hot-MAIN_a.npy", "hot-x-y", ".hot-MAIN_a", ".hot-MAIN_a.x1", "arrays-1-2",
                  ".arrays-1.2.3", "currently", ".current.", "cchc-build.json.tmp", "_MAIN_1.toc", "MAIN_x.pst"]
    for path in [p for found in names.values() for p in found.values() if p] + [tmp_path / n for n in lookalikes]:
        path.mkdir()
    store = STORES[name]
    before = _listing(tmp_path)
    written = store.update(tmp_path, ["" if store.single else "MAIN_a"], lambda path, key: None,
                           current=lambda path: True)
    assert written == []
    removed = {p.name for p in (names[store]["stale"], names[store]["temporary"]) if p}
    assert sorted(_listing(tmp_path)) == sorted(p for p in before if p not in removed)


def test_no_store_may_take_names_of_another():
    with pytest.raises(ValueError, match="would share names"):
        Store("hot-x-")
    with pytest.raises(ValueError, match="would share names"):
        Store("arr")
    with pytest.raises(ValueError, match="not a key"):
        HOT.path(ROOT, "../escape")
    with pytest.raises(ValueError, match="not a key"):
        storage.CURRENT_LINK.path(ROOT, "x")
    assert [HOT.key_of("hot-MAIN_a"), HOT.key_of("hot-x-y"), HOT.key_of("hot-"), ARRAYS.key_of("hot-MAIN_a")] == [
        "MAIN_a", None, None, None]
    assert [HOT.writer_of(".hot-MAIN_a.12"), HOT.writer_of(".hot-MAIN_a"), HOT.writer_of(".hot-MAIN_a.x1"),
            storage.BUILD_RECORD.writer_of(".cchc-build.json.7"), storage.CURRENT_LINK.writer_of(".current.")] == [
        12, None, None, 7, None]


def test_a_failed_write_leaves_the_entry_as_it_was_and_no_temporary(index):
    root, generation = index
    before = _listing(root)

    def fails(path):
        path.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        storage.BUILD_RECORD.replace(generation, fails)
    assert _listing(root) == before
    assert storage.read_build_info(generation)["documents"] == 5


def test_an_entry_written_before_its_segment_is_committed_stays_until_an_update_does_not_want_it(tmp_path):
    """``Store.write`` (a compacted segment's hot postings, written before the commit): whole or not at all,
    nothing else swept; the next ``update`` keeps it if its segment was committed and removes it if not."""
    kept, stale = HOT.path(tmp_path, "MAIN_a"), HOT.path(tmp_path, "MAIN_old")
    stale.mkdir()
    HOT.write(tmp_path, "MAIN_new", lambda folder, key: (folder / "terms.json").write_text("{}"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hot-MAIN_new", "hot-MAIN_old"]
    with pytest.raises(RuntimeError, match="killed"):
        HOT.write(tmp_path, "MAIN_a", lambda folder, key: (_ for _ in ()).throw(RuntimeError("killed")))
    assert not kept.exists() and not HOT.temporary(tmp_path, "MAIN_a").exists()
    written = HOT.update(tmp_path, ["MAIN_new"], lambda folder, key: None,
                         current=lambda folder: (folder / "terms.json").exists())
    assert (written, sorted(p.name for p in tmp_path.iterdir())) == ([], ["hot-MAIN_new"])
    HOT.update(tmp_path, ["MAIN_other"], lambda folder, key: None)  # a commit that never took it: removed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hot-MAIN_other"]
