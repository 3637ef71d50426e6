"""The pipeline fingerprint: a hash of exactly the code, data and libraries that turn a file into indexed fields.

Every bulletin's digest covers its bytes and this fingerprint, so when anything
that reading, cleaning, extraction or analysis depends on changes, every
bulletin is extracted again on the next incremental run; when nothing they
depend on changes, none is. Nothing is bumped by hand: the fingerprint hashes

* the source of every project module that the pipeline's entry points
  (``ROOTS``) import, directly or through each other, found by reading their
  ``import`` statements (a module added to the pipeline is covered as soon as
  it is imported);
* the data files those modules read (``DATA_FILES``, a declared list that the
  tests check against the file names the pipeline's sources name and against
  the files a real build opens);
* the versions of the libraries whose output is indexed (``LIBRARIES``: pyvi
  and the CRF and scikit-learn code that runs its model, selectolax).

The writer (``indexer.builder``), the search side, the web app and what only
they read (request limits in ``search.models``, display labels in
``search/data/labels.json``, the function words and abbreviations of queries)
are not imported by the roots, so editing them leaves the fingerprint alone.
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
DATA_FILES = (  # every data file a pipeline module reads, and which one reads it
    "indexer/data/chrome.json",  # indexer.cleaning
    "indexer/data/legacy_encodings.json",  # indexer.legacy_encodings
    "indexer/data/periods.json",  # indexer.periods
    "indexer/data/places.json",  # indexer.places
    "indexer/data/syllables.json",  # indexer.syllables
    "indexer/data/topic_model.json",  # indexer.topic_model
    "search/data/document_types.json",  # search.docnumbers
    "search/data/dotted.json",  # search.analysis
    "search/data/indicators.json",  # search.figures (indexer.figures)
    "search/data/provinces.json",  # search.vocabulary
    "search/data/sources.json",  # indexer.sources
    "search/data/topics.json",  # search.vocabulary
)
LIBRARIES = ("pyvi", "python-crfsuite", "scikit-learn", "selectolax")


def module_path(name: str) -> Path | None:
    """The source file of a project module (``search.analysis``), or None when there is none."""
    base = PROJECT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_modules(name: str) -> set[str]:
    """The project modules that module ``name``'s source imports (absolute or relative), with their packages.

    >>> sorted(imported_modules("indexer.periods"))  # doctest: +NORMALIZE_WHITESPACE
    ['indexer', 'indexer.dates', 'indexer.patterns', 'search', 'search.docnumbers', 'search.periods',
     'search.textnorm']
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


def named_data_files(modules: Iterable[str]) -> list[str]:
    """The data files (in ``DATA_FOLDERS``) whose name is a string in the source of one of ``modules``.

    >>> named_data_files(["indexer.cleaning", "search.docnumbers"])
    ['indexer/data/chrome.json', 'search/data/document_types.json']
    """
    by_name = {path.name: path.relative_to(PROJECT).as_posix()
               for folder in DATA_FOLDERS for path in (PROJECT / folder).glob("*") if path.is_file()}
    found = set()
    for name in modules:
        for node in ast.walk(ast.parse(module_path(name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in by_name:
                found.add(by_name[node.value])
    return sorted(found)


def pipeline_files() -> list[Path]:
    """The sources of the pipeline's modules and its data files, in a stable order."""
    return [module_path(name) for name in pipeline_modules()] + [PROJECT / name for name in DATA_FILES]


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
