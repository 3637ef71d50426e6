"""The per-request cost of the request limit (``webapp.ratelimit`` over ``webapp.ratestore``).

    python -m bench.ratelimit                 # 5,000 API requests to the sample corpus's index
    python -m bench.ratelimit --workers 2     # and 2 processes counting at once on the same file

Times the limiter's check inside real requests (through Flask's test client,
so no network), and prints the median, 95th percentile and mean in
microseconds. With ``--workers`` several processes check at once, as
gunicorn's workers do, contending for the one SQLite file.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import tempfile
import time
from pathlib import Path

from indexer.builder import build_index
from webapp import create_app
from webapp.ratelimit import RateLimiter

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def measure(index: Path, storage: Path, requests: int) -> list[float]:
    """Seconds spent in the limiter for each of ``requests`` API searches (the first tenth left out)."""
    spent: list[float] = []
    original = RateLimiter.retry_after

    def timed(self, *args):
        started = time.perf_counter()
        try:
            return original(self, *args)
        finally:
            spent.append(time.perf_counter() - started)

    RateLimiter.retry_after = timed
    try:
        client = create_app({"INDEX": str(index), "RATE_LIMIT": "1000000/minute",
                             "RATE_LIMIT_STORAGE": str(storage)}).test_client()
        for number in range(requests):
            client.get("/api/search", query_string={"q": "thủ tục", "page": 1 + number % 2})
    finally:
        RateLimiter.retry_after = original
    return spent[requests // 10:]


def _worker(index: str, storage: str, requests: int, queue) -> None:
    queue.put(measure(Path(index), Path(storage), requests))


def run(requests: int, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as work:
        index, storage = Path(work) / "index", Path(work) / "counters.sqlite3"
        build_index(CORPUS, index, jobs=1)
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        processes = [context.Process(target=_worker, args=(str(index), str(storage), requests, queue))
                     for _ in range(workers)]
        for process in processes:
            process.start()
        spent = sorted(s for _ in processes for s in queue.get())
        for process in processes:
            process.join()
    return {"median_us": statistics.median(spent) * 1e6, "p95_us": spent[int(len(spent) * 0.95)] * 1e6,
            "mean_us": statistics.mean(spent) * 1e6, "checks": len(spent)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    figures = run(args.requests, args.workers)
    print(f"{figures['checks']:,} checks in {args.workers} process(es): median {figures['median_us']:.0f} µs, "
          f"p95 {figures['p95_us']:.0f} µs, mean {figures['mean_us']:.0f} µs per request")


if __name__ == "__main__":
    main()
