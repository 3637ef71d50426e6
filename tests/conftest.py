"""Shared fixtures: the bundled corpus, its expected metadata, a real index on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from indexer.builder import build_index
from search.engine import SearchEngine

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FILES = Path(__file__).parent / "files"


@pytest.fixture(scope="session")
def labels() -> dict[str, dict]:
    """Expected metadata of the five sample bulletins, by id."""
    with open(FILES / "labels.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {row["file"].rsplit(".", 1)[0]: row for row in rows}


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory) -> Path:
    """An index of the bundled corpus, built once for the session (read-only for tests)."""
    root = tmp_path_factory.mktemp("sample-index")
    build_index(CORPUS, root, jobs=1)
    return root


@pytest.fixture(scope="session")
def engine(sample_index) -> SearchEngine:
    return SearchEngine(sample_index)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="module")
def browser():
    """A real headless Chromium for one test module (``tests.browser.chromium``); modules that need a download
    folder define their own."""
    from tests.browser import chromium

    driver = chromium()
    yield driver
    driver.quit()

