"""The benchmark runs end to end at the CI smoke size; the generator is deterministic and realistic."""

from __future__ import annotations

import re

from bench.generate import generate, write_corpus
from bench.run import QUERY_CLASSES, run_size
from bench.views import VIEW_CLASSES
from indexer.metadata import extract_metadata
from indexer.reader import read_corpus


def test_generator_is_deterministic_and_extractable(tmp_path):
    assert list(generate(20, seed=7)) == list(generate(20, seed=7))
    assert list(generate(5, seed=7)) != list(generate(5, seed=8))
    corpus = write_corpus(30, tmp_path / "c", seed=7)
    bulletins = [extract_metadata(r) for r in read_corpus(corpus)]
    assert all(b.year and b.title and b.text for b in bulletins)
    assert sum(b.province is not None for b in bulletins) >= 25
    assert sum(bool(b.refs) for b in bulletins) >= 25


def test_benchmark_smoke_run_prints_every_figure(tmp_path):
    lines = run_size(1000, tmp_path, jobs=None, repeat=1)
    report = "\n".join(lines)
    assert lines[0] == "## 1,000 bulletins"
    assert re.search(r"cold `cchc index --full`: [\d.]+ s, \*\*[\d.]+ docs/s\*\*, peak memory \d+ MB", report)
    assert re.search(r"stock pyvi alone on all cores: [\d.]+ docs/s; cold indexing is \*\*\d+%\*\*", report)
    assert re.search(r"incremental with 10 changed \(1%\): [\d.]+ s = [\d.]+% of cold", report)
    assert re.search(r"`--full` rebuild of the same corpus: [\d.]+ s = [\d.]+x faster than cold", report)
    views = lines.index("| view (built index) | p50 ms | max ms |")
    rows = [line for line in lines[:views] if line.startswith("| ") and not line.startswith("| query class")]
    assert [row.split(" | ")[0][2:] for row in rows] == list(QUERY_CLASSES)
    assert all(len(row.split("|")) == 10 for row in rows)
    view_rows = [line for line in lines[views + 2:] if line.startswith("| ")]
    assert [row.split(" | ")[0][2:] for row in view_rows] == list(VIEW_CLASSES)
    assert re.search(r"Peak RSS of a serving process \(ours alone, every query class run\): \d+ MB", report)
