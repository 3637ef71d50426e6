"""Where a cold build's time goes: CPU seconds per stage of ``build_index`` in one process.

    python -m bench.stages CORPUS INDEX [--pyvi]

Builds ``INDEX`` from scratch with one job (no worker processes) and wraps the
stage functions: reading and decoding, HTML text, cleaning, the extractors
(dates, periods, places, topics, refs, figures), pyvi's CRF (its features and its
tagger), our segmentation around it (scan, lines, spans), analysis (terms and
pairs of each field), the segment writer's ``add_document`` (``indexer.writing``:
postings into the pool) and ``commit`` (sort and write the postings), the
per-commit arrays with the vocabulary, and the hot postings.
Each stage's time is exclusive: a stage called inside another is not counted
twice. CPU time (``time.process_time``), which a shared machine disturbs less
than wall time. ``--pyvi`` also times stock pyvi, ``ViTokenizer.tokenize`` over
each file's text, as the reference rate (issue 19: the pipeline against pyvi).
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from collections import defaultdict
from pathlib import Path

STAGES = (  # (module, attribute, stage); a class attribute as "Class.method"
    ("indexer.reader", "_read_file", "reading and decoding"),
    ("indexer.metadata", "extract_page", "HTML text"),
    ("indexer.metadata", "clean", "cleaning"),
    ("indexer.metadata", "parse_date_line", "dates"),
    ("indexer.metadata", "reporting_period", "periods"),
    ("indexer.metadata", "locate", "places"),
    ("indexer.metadata", "assign_topics", "topics"),
    ("indexer.metadata", "refine", "topic classifier"),
    ("indexer.metadata", "find_refs", "refs"),
    ("indexer.metadata", "figures_of", "figures"),
    ("indexer.builder", "extract_metadata", "extraction, the rest"),
    ("search.analysis", "_labels", "pyvi: CRF predict"),
    ("search.analysis", "sent2attributes", "pyvi: CRF features"),
    ("indexer.builder", "segment", "segmentation around pyvi (scan, lines, spans)"),
    ("search.analysis", "VietnameseTokenizer.terms", "analysis: terms"),
    ("search.analysis", "VietnameseTokenizer.pairs", "analysis: pairs"),
    ("indexer.writing", "SegmentWriter.add_document", "Whoosh add_document (postings into the pool)"),
    ("whoosh.writing", "SegmentWriter.commit", "Whoosh commit (sort and write postings)"),
    ("indexer.builder", "ensure_arrays", "arrays and vocabulary"),
    ("indexer.builder", "ensure_hot", "hot postings"),
)


class StageClock:
    """Exclusive CPU seconds per stage of the functions it wraps."""

    def __init__(self):
        self.totals: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []

    def wrap(self, function, stage: str):
        def timed(*args, **kwargs):
            self._inner.append(0.0)
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.process_time() - started
                self.totals[stage] += spent - self._inner.pop()
                if self._inner:
                    self._inner[-1] += spent

        return timed

    def install(self, stages=STAGES) -> None:
        import importlib

        for module_name, attribute, stage in stages:
            owner = importlib.import_module(module_name)
            *classes, name = attribute.split(".")
            for class_name in classes:
                owner = getattr(owner, class_name)
            raw = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
            if isinstance(raw, staticmethod):
                setattr(owner, name, staticmethod(self.wrap(raw.__func__, stage)))
            else:
                setattr(owner, name, self.wrap(raw, stage))


def profile_build(corpus: Path, index: Path) -> dict:
    """CPU seconds of each stage of a cold one-job build, and of the whole build (``total``)."""
    clock = StageClock()
    clock.install()
    from indexer.builder import build_index

    shutil.rmtree(index, ignore_errors=True)
    started = time.process_time()
    report = build_index(corpus, index, full=True, scratch=True, jobs=1)
    total = time.process_time() - started
    stages = dict(sorted(clock.totals.items(), key=lambda item: -item[1]))
    stages["other"] = total - sum(stages.values())
    return {"documents": report.total, "total": total, "stages": stages}


def pyvi_seconds(corpus: Path) -> float:
    """CPU seconds of stock pyvi's ``ViTokenizer.tokenize`` over the text of each ``*.txt`` of ``corpus``."""
    from pyvi import ViTokenizer

    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))]
    ViTokenizer.tokenize("Khởi động.")  # the model loads outside the clock
    started = time.process_time()
    for text in texts:
        ViTokenizer.tokenize(text)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("index", type=Path)
    parser.add_argument("--pyvi", action="store_true", help="also time stock pyvi over the same files")
    options = parser.parse_args()
    found = profile_build(options.corpus, options.index)
    if options.pyvi:
        found["pyvi"] = pyvi_seconds(options.corpus)
    print(json.dumps(found, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
