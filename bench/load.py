"""Load: ``cchc serve`` under 50 concurrent clients for 60 s on the 10,000-bulletin benchmark corpus.

    python -m bench.load                          # 50 clients, 60 s, 10,000 bulletins (builds what is missing)
    python -m bench.load --clients 10 --seconds 5 --size 1000

The generated corpus and its index come from ``bench/out`` (made by
``bench.run`` or here). The server runs on loopback with its default worker
count unless ``--workers`` says otherwise; wrk (Debian's package) drives it
with a mix of about 200 kinds of realistic request - words, phrases with and without
diacritics, document numbers, facet filters, deep pages, the landing page,
HTML pages and bulletin pages - and prints requests/s, p50/p95/p99 latency
and the error count. The server's request limits are off (they would answer
nearly every request with 429). Exit status 1 if any request failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from bench.generate import write_corpus
from bench.net import free_port, wait_for

HERE = Path(__file__).resolve().parent
CCHC = str(Path(sys.executable).with_name("cchc"))
WORDS = ["thủ tục hành chính", "dịch vụ công trực tuyến", "một cửa", "cán bộ công chức", "cải cách",
         "chuyển đổi số", "thu tuc hanh chinh", "ISO 9001", "kiểm soát thủ tục"]
PHRASES = ['"cải cách hành chính"', '"một cửa liên thông"', '"cai cach hanh chinh"', '"dich vu cong truc tuyen"']
NUMBERS = ["61/2018/NĐ-CP", "107/2021/nd-cp", "45/2020/NĐ-CP"]
NO_LIMITS = {"CCHC_RATE_LIMIT": "", "CCHC_EXPORT_RATE_LIMIT": ""}  # measure searches, not 429s
FILTERS = [{"province": "Cao Bằng"}, {"year": "2020"}, {"quarter": "Q1", "topic": "thu_tuc"},
           {"province": "Sơn La", "year": "2022"}]


def request_mix(ids: list[str]) -> list[str]:
    """The request paths: every query alone, with each filter, on page 2 and newest first, as JSON and as pages."""
    paths = []
    for query in WORDS + PHRASES + NUMBERS:
        paths.append("/search?" + urlencode({"q": query}))
        paths.append("/api/search?" + urlencode({"q": query}))
        paths.append("/api/search?" + urlencode({"q": query, "page": 2}))
        paths.append("/search?" + urlencode({"q": query, "sort": "newest"}))
        paths += ["/api/search?" + urlencode({"q": query, **filters}) for filters in FILTERS]
    paths += ["/api/search", "/", "/api/search?" + urlencode({"q": "thủ tục", "page": 40}),
              "/api/search?" + urlencode({"q": "cải cách", "sort": "newest", "per_page": 50})]
    half = len(ids) // 2
    paths += [f"/api/documents/{doc_id}" for doc_id in ids[:half]] + [f"/documents/{doc_id}" for doc_id in ids[half:]]
    return paths


def prepare(size: int, out: Path) -> Path:
    """The index of the generated corpus of ``size`` bulletins, built if missing."""
    corpus, index = out / f"corpus-{size}", out / f"index-{size}"
    if not corpus.exists():
        write_corpus(size, corpus)
    if not (index / "current").exists():
        subprocess.run([CCHC, "index", "--full", "--corpus", str(corpus), "--index", str(index)], check=True)
    return index


def run(index: Path, clients: int, seconds: int, workers: int | None, cache: bool = True) -> dict:
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("wrk is needed: sudo apt-get install wrk (scripts/load.sh installs it)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [CCHC, "serve", "--port", str(port), "--index", str(index)]
    command += ["--workers", str(workers)] if workers else []
    with tempfile.TemporaryDirectory() as work:
        log = open(Path(work) / "serve.log", "wb")
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                  env={**os.environ, **NO_LIMITS, **({} if cache else {"CCHC_RESULT_CACHE": "0"})})
        try:
            wait_for(base + "/api/search?per_page=1", 300)
            with urllib.request.urlopen(base + "/api/search?per_page=40&sort=newest") as response:
                ids = [hit["id"] for hit in json.load(response)["results"]]
            paths = request_mix(ids)
            (Path(work) / "paths.txt").write_text("\n".join(paths) + "\n", encoding="utf-8")
            env = {**os.environ, "CCHC_LOAD_PATHS": str(Path(work) / "paths.txt")}
            for path in paths:  # every worker warm, every request valid before timing
                with urllib.request.urlopen(base + path.replace(" ", "%20")) as response:
                    response.read()
            result = subprocess.run([wrk, "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s",
                                     "-s", str(HERE / "load.lua"), base], env=env, capture_output=True, text=True,
                                    check=True)
        finally:
            server.terminate()
            server.wait(30)
            log.close()
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["errors"] = sum(figures[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts",
                                                   "non_2xx"))
    figures["requests_per_second"] = figures["requests"] / figures["seconds"]
    figures["kinds_of_request"] = len(paths)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000, help="generated bulletins")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=None, help="server worker processes [setting WORKERS]")
    parser.add_argument("--no-cache", action="store_true", help="every search computed (setting RESULT_CACHE=0)")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    index = prepare(args.size, args.out)
    f = run(index, args.clients, args.seconds, args.workers, cache=not args.no_cache)
    cache = "result cache off, " if args.no_cache else ""
    print(f"{cache}{args.clients} clients for {f['seconds']:.0f} s on {args.size:,} bulletins, {f['kinds_of_request']} "
          f"kinds of request: {f['requests']:,} requests, {f['requests_per_second']:.1f} requests/s; latency p50 "
          f"{f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms, max {f['max_ms']:.1f} ms; "
          f"errors {f['errors']} (connect {f['connect_errors']}, read {f['read_errors']}, write "
          f"{f['write_errors']}, timeouts {f['timeouts']}, non-2xx {f['non_2xx']})")
    sys.exit(1 if f["errors"] else 0)


if __name__ == "__main__":
    main()
