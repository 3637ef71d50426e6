"""Every example in a docstring is a test: each module of the project that shows one runs it here.

Modules are found by reading the sources, so an example added to a new module is run without editing this file.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("search", "indexer", "webapp", "bench", "cchc")


def _modules_with_examples() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("*.py")):
            if ">>> " in path.read_text(encoding="utf-8"):
                found.append(f"{package}.{path.stem}")
    return found


MODULES = _modules_with_examples()


def test_the_examples_are_found():
    assert {"search.lru", "indexer.syllables", "webapp.citation_formats", "bench.realtexts"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    results = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert (results.failed, results.attempted > 0) == (0, True)
