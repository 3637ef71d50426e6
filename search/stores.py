"""Derived stores: how what is written beside an index appears whole or not at all, and goes when stale.

Beside Whoosh's own files, a generation holds data derived from them - each
segment's hot postings (``hot-<segment>``, ``search.hot``), the arrays and
vocabulary of its latest commit (``arrays-<toc>``, ``search.arrays``), the
build record (``cchc-build.json``) - and the index folder holds the
``current`` link (``search.storage``). Each is a ``Store``: the entries named
``<prefix><key>`` in one folder. ``Store.update`` is the only way any of
them is written, under one rule:

1. each wanted key whose entry is missing or not current (the store's own
   test; by default never, so it is rewritten) is written whole into a hidden
   temporary named after it and this process, ``.<prefix><key>.<pid>``;
2. the temporary is renamed onto ``<prefix><key>`` with ``os.replace``
   (atomic: a reader sees the old entry or the new one; a folder in the way is
   removed first, since a rename cannot replace a folder with entries);
3. the store's entries not wanted are removed, and so are the temporaries of
   runs killed mid-write (their process is gone; a live one's are left alone).

Removing never disturbs a reader: an open memory map keeps the pages of an
unlinked file until it is closed. Names are parsed, not globbed: a key holds
letters, digits and ``_`` only, and no store's prefix may begin another's
(checked when a store is made), so a store never takes another's entry or
temporary for its own.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

_KEY = re.compile(r"[A-Za-z0-9_]+")
_PID = re.compile(r"[0-9]+")
_PREFIXES: dict[str, Store] = {}


class Store:
    """The entries ``<prefix><key>`` of one folder: folders (``folder=True``) or files and links.

    A store made with ``single=True`` has one entry, named ``prefix`` itself (its key is ``""``).
    """

    def __init__(self, prefix: str, folder: bool = True, single: bool = False):
        if not prefix or prefix.startswith(".") or "/" in prefix:
            raise ValueError(f"a store's prefix is a plain name: {prefix!r}")
        for other in _PREFIXES:
            if other.startswith(prefix) or prefix.startswith(other):
                raise ValueError(f"store {prefix!r} would share names with store {other!r}")
        _PREFIXES[prefix] = self
        self.prefix, self.folder, self.single = prefix, folder, single

    def __repr__(self) -> str:
        return f"Store({self.prefix!r})"

    def path(self, parent: Path, key: str = "") -> Path:
        """Where the entry of ``key`` is (whether or not it is written)."""
        return Path(parent) / f"{self.prefix}{self._checked(key)}"

    def temporary(self, parent: Path, key: str = "", pid: int | None = None) -> Path:
        """Where process ``pid`` (this one by default) writes the entry of ``key`` before renaming it."""
        return Path(parent) / f".{self.prefix}{self._checked(key)}.{os.getpid() if pid is None else pid}"

    def key_of(self, name: str) -> str | None:
        """The key of an entry of this store named ``name``; None when the name is not one."""
        if not name.startswith(self.prefix):
            return None
        key = name[len(self.prefix):]
        return key if self._valid(key) else None

    def writer_of(self, name: str) -> int | None:
        """The process that wrote a temporary of this store named ``name``; None when the name is not one."""
        if not name.startswith("." + self.prefix):
            return None
        key, dot, pid = name[len(self.prefix) + 1:].rpartition(".")
        return int(pid) if dot and self._valid(key) and _PID.fullmatch(pid) else None

    def update(self, parent: Path, wanted: Iterable[str], write: Callable[[Path, str], object],
               current: Callable[[Path], bool] | None = None) -> list[str]:
        """Make the store in ``parent`` hold the entries of ``wanted`` and no others; the keys written.

        ``write(temporary, key)`` fills a temporary (a folder already made, for a folder store);
        ``current(path)`` says whether an existing entry may stay as it is.
        """
        parent, wanted = Path(parent), [self._checked(key) for key in wanted]
        written = []
        for key in wanted:
            target = self.path(parent, key)
            if current is not None and (target.exists() or target.is_symlink()) and current(target):
                continue
            self._write(parent, key, write)
            written.append(key)
        self._sweep(parent, set(wanted))
        return written

    def write(self, parent: Path, key: str, write: Callable[[Path, str], object]) -> None:
        """Write the entry of ``key`` whole (rule 1 and 2) and remove nothing: for an entry made before what it
        derives from is committed (a compacted segment's hot postings, written with its postings). If that is
        never committed, the next ``update`` removes the entry as not wanted."""
        self._write(Path(parent), self._checked(key), write)

    def replace(self, parent: Path, write: Callable[[Path], object]) -> None:
        """Write the one entry of a single store again (``update`` of the key ``""``)."""
        self.update(parent, [""], lambda temporary, _: write(temporary))

    def _write(self, parent: Path, key: str, write: Callable[[Path, str], object]) -> None:
        temporary, target = self.temporary(parent, key), self.path(parent, key)
        _remove(temporary)
        try:
            if self.folder:
                temporary.mkdir()
            write(temporary, key)
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)  # a rename does not replace a folder with entries
            os.replace(temporary, target)
        except BaseException:
            _remove(temporary)
            raise

    def _sweep(self, parent: Path, wanted: set[str]) -> None:
        """Remove the entries not wanted and the temporaries of writers no longer running."""
        try:
            names = [path.name for path in parent.iterdir()]
        except FileNotFoundError:
            return
        for name in names:
            key, pid = self.key_of(name), self.writer_of(name)
            if (key is not None and key not in wanted) or (pid is not None and not _running(pid)):
                _remove(parent / name)

    def _valid(self, key: str) -> bool:
        return key == "" if self.single else _KEY.fullmatch(key) is not None

    def _checked(self, key: str) -> str:
        if not self._valid(key):
            raise ValueError(f"not a key of {self!r}: {key!r}")
        return key


def _running(pid: int) -> bool:
    """Whether a process ``pid`` runs (this one's own leftovers count as a gone writer's)."""
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
