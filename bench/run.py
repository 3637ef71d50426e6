"""Benchmark: index generated corpora and time queries; prints its figures.

    python -m bench.run --sizes 1000 [--jobs N] [--repeat 5] [--out bench/out]

For each size it generates the corpus (``bench.generate``), builds an index
cold (``--full``), runs a no-change incremental pass, then times each query
class with facet counts on, and prints docs/s, index size, p50/p95/max
latency per class and the process's peak memory.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import time
from pathlib import Path

from bench.generate import write_corpus
from indexer.builder import build_index
from search.engine import SearchEngine
from search.models import make_request

QUERY_CLASSES = {
    "words": ["thủ tục hành chính", "dịch vụ công trực tuyến", "cai cach hanh chinh", "một cửa"],
    "phrase": ['"cải cách hành chính"', '"một cửa liên thông"'],
    "unaccented phrase": ['"cai cach hanh chinh"', '"dich vu cong truc tuyen"'],
    "document number": ["61/2018/NĐ-CP", "107/2021/nd-cp"],
    "faceted": [("cải cách", {"province": ["Cao Bằng", "Sơn La"]}), ("một cửa", {"year": ["2020"]})],
    "landing page": [""],
    "deep page": [("thủ tục", {}, 50)],
}


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _requests(entries):
    for entry in entries:
        if isinstance(entry, str):
            yield make_request(entry)
        else:
            query, filters, *page = entry
            yield make_request(query, filters, page=page[0] if page else 1)


def time_queries(engine: SearchEngine, repeat: int) -> dict[str, list[float]]:
    engine.run_search(make_request("khởi động"))  # open the searcher and facet arrays once
    timings: dict[str, list[float]] = {}
    for name, entries in QUERY_CLASSES.items():
        for request in _requests(entries):
            for _ in range(repeat):
                started = time.perf_counter()
                engine.run_search(request)
                timings.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    return timings


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_size(size: int, out: Path, jobs: int | None, repeat: int) -> None:
    corpus, index = out / f"corpus-{size}", out / f"index-{size}"
    if not corpus.exists():
        write_corpus(size, corpus)
    shutil.rmtree(index, ignore_errors=True)
    cold = build_index(corpus, index, full=True, jobs=jobs)
    warm = build_index(corpus, index, jobs=jobs)
    print(f"\n== {size:,} bulletins ==")
    print(f"cold index: {cold.elapsed:.1f} s, {size / cold.elapsed:.1f} docs/s; "
          f"no-change incremental: {warm.elapsed:.2f} s; index size {_folder_size(index) / 1e6:.1f} MB")
    timings = time_queries(SearchEngine(index), repeat)
    print(f"{'query class':<20}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for name, values in timings.items():
        print(f"{name:<20}{statistics.median(values):>10.1f}{_percentile(values, 0.95):>10.1f}{max(values):>10.1f}")
    every = [v for values in timings.values() for v in values]
    print(f"all queries: median {statistics.median(every):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run_size(size, args.out, args.jobs, args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
