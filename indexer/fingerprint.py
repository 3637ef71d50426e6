"""The pipeline fingerprint: a hash of the code and data that turn a file into indexed fields.

Every bulletin's digest covers its bytes and this fingerprint, so when anything
that reading, cleaning, extraction or analysis depends on changes, every
bulletin is extracted again on the next incremental run. Nothing is bumped by
hand: the fingerprint hashes

* the source of every project module that the pipeline's entry points
  (``ROOTS``) import, directly or through each other, found by reading their
  ``import`` statements (a module added to the pipeline is covered as soon as
  it is imported);
* every data file in ``indexer/data`` and ``search/data``;
* the versions of the libraries whose output is indexed (``LIBRARIES``).

The writer (``indexer.builder``), the search side and the web app are not
imported by the roots, so editing them leaves the fingerprint alone.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PACKAGES = ("indexer", "search")
ROOTS = ("indexer.reader", "indexer.metadata", "search.schema", "search.analysis")
DATA_FOLDERS = ("indexer/data", "search/data")
LIBRARIES = ("pyvi", "selectolax")


def module_path(name: str) -> Path | None:
    """The source file of a project module (``search.analysis``), or None when there is none."""
    base = PROJECT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_modules(name: str) -> set[str]:
    """The project modules that module ``name``'s source imports (absolute or relative), with their packages.

    >>> sorted(imported_modules("indexer.periods"))
    ['search', 'search.docnumbers', 'search.textnorm']
    """
    path = module_path(name)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    packages = {n.rsplit(".", depth)[0] for n in found for depth in range(1, n.count(".") + 1)}
    return {n for n in found | packages if n.split(".")[0] in PACKAGES and module_path(n) is not None}


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join(parts + ([node.module] if node.module else []))


def pipeline_modules(roots: Iterable[str] = ROOTS) -> list[str]:
    """The roots and every project module they import, directly or not, sorted."""
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(imported_modules(name) - seen)
    return sorted(seen)


def pipeline_files() -> list[Path]:
    """The sources of the pipeline's modules and the data files, in a stable order."""
    sources = [module_path(name) for name in pipeline_modules()]
    data = sorted(path for folder in DATA_FOLDERS for path in (PROJECT / folder).glob("*") if path.is_file())
    return sources + data


def fingerprint(files: Iterable[Path], versions: Iterable[str] = ()) -> str:
    """A short hash of the files' names and contents and the given version strings."""
    hasher = hashlib.sha256()
    for path in files:
        hasher.update(f"{Path(path).name}\0".encode())
        hasher.update(Path(path).read_bytes())
        hasher.update(b"\0")
    for version in versions:
        hasher.update(f"{version}\0".encode())
    return hasher.hexdigest()[:16]


def library_versions() -> list[str]:
    return [f"{name}=={metadata.version(name)}" for name in LIBRARIES]


@cache
def pipeline_fingerprint() -> str:
    """The fingerprint of the pipeline in force (computed once per process)."""
    return fingerprint(pipeline_files(), library_versions())
