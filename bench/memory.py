"""Serving memory: PSS of the gunicorn processes of ``cchc serve`` with one worker, then two.

Proportional set size (``/proc/PID/smaps_rollup``) splits each shared page
between the processes mapping it, so the sum over the master and its workers
is what the machine really spends; the difference between the two-worker and
the one-worker sums is what each further worker costs. Every worker first
answers the load test's request mix (``bench.load.request_mix``) a few times
over, so its caches and arrays are as warm as in service::

    .venv/bin/python -m bench.memory --index bench/out/index-10000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.load import CCHC, request_mix
from bench.net import free_port, wait_for


def pss_mb(pid: int) -> float:
    """Proportional set size of a process in MB."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return sorted(int(p) for p in found)


def _get(url: str) -> None:
    try:
        with urllib.request.urlopen(url) as response:
            response.read()
    except urllib.error.HTTPError as error:  # a refused request (a page past the results) is served too
        error.read()


def measure(index: Path, workers: int, rounds: int = 3) -> dict:
    """PSS in MB of the master and each worker after the request mix, and their sum."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [CCHC, "serve", "--port", str(port), "--index", str(index), "--workers", str(workers)]
    with tempfile.TemporaryDirectory() as work:
        log = open(Path(work) / "serve.log", "wb")
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))
        try:
            wait_for(base + "/api/search?per_page=1", 300)
            with urllib.request.urlopen(base + "/api/search?per_page=40&sort=newest") as response:
                ids = [hit["id"] for hit in json.load(response)["results"]]
            paths = request_mix(ids) * rounds * workers
            with ThreadPoolExecutor(4) as pool:
                list(pool.map(lambda p: _get(base + p.replace(" ", "%20")), paths))
            master = _gunicorn_master(server.pid)
            figures = {"master": pss_mb(master), "workers": [pss_mb(p) for p in children(master)]}
        finally:
            server.terminate()
            server.wait(30)
            log.close()
    figures["total"] = figures["master"] + sum(figures["workers"])
    return figures


def _gunicorn_master(pid: int) -> int:
    """``cchc serve`` runs gunicorn's master in its own process (or a child of it)."""
    kids = children(pid)
    return pid if len(kids) != 1 or not children(kids[0]) else kids[0]


def reopen_seconds(index: Path, repeat: int = 5) -> dict:
    """Seconds to open the served commit as a reopen does: arrays memory-mapped, and computed (the fallback)."""
    from search.arrays import compute
    from search.index_state import ServedIndex

    mapped, computed = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        state = ServedIndex(index).current()
        mapped.append(time.perf_counter() - started)
        assert state.arrays.mapped, "the index has no arrays for its commit: rebuild it with this version"
        started = time.perf_counter()
        compute(state.searcher.reader(), state.ix.schema)
        computed.append(time.perf_counter() - started)
        state.close()
    return {"mapped": min(mapped), "computed": min(computed)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    args = parser.parse_args()
    one, two = measure(args.index, 1), measure(args.index, 2)
    print(json.dumps({"one worker": one, "two workers": two, "further worker": two["total"] - one["total"],
                      "reopen seconds": reopen_seconds(args.index)}, indent=1))


if __name__ == "__main__":
    main()
