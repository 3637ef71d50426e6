"""Benchmark: index generated corpora, time every query class against SQLite FTS5, print the figures.

    python -m bench.run --sizes 1000                 # the CI smoke size
    python -m bench.run --sizes 10000,100000 --markdown bench/RESULTS.md

Per size: the corpus is generated (``bench.generate``, deterministic); ``cchc
index --full`` builds it cold in a subprocess (its peak memory is measured);
then a no-change incremental run, an incremental run after changing 1% of the
bulletins, and a ``--full`` rebuild of the same corpus (which compacts away the
bulletins the 1% run replaced: ``indexer.compaction``). The same texts go
into SQLite FTS5 (``bench.fts5``) and tantivy (``bench.tantivy_peer``). Each
query class runs ``--repeat`` times per query with facet counts on, in all three
engines; p50/p95/max and each peer's p50 over ours are printed (above 1: we are
faster), and the peak memory of a fresh process that opens the index and runs
every class (a serving worker).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.fts5 import Fts5Searcher
from bench.fts5 import build as build_fts5
from bench.generate import write_corpus
from bench.tantivy_peer import TantivySearcher
from bench.tantivy_peer import build as build_tantivy
from bench.timing import percentile, timed
from bench.views import view_lines
from search.engine import SearchEngine
from search.models import make_request

QUERY_CLASSES = {
    "plain words": [("thủ tục hành chính",), ("dịch vụ công trực tuyến",), ("một cửa",), ("cán bộ công chức",)],
    "natural-language query": [("kết quả cải cách hành chính quý I năm 2021 của tỉnh",),
                               ("đo lường sự hài lòng của người dân đối với cơ quan hành chính nhà nước",),
                               ("tinh gian bien che gan voi vi tri viec lam cua cac co quan",),
                               ("ket qua thuc hien co che mot cua lien thong tai bo phan tiep nhan",)],
    "common phrase": [('"cải cách hành chính"',), ('"một cửa liên thông"',)],
    "unaccented phrase": [('"cai cach hanh chinh"',), ('"dich vu cong truc tuyen"',)],
    "document number": [("61/2018/NĐ-CP",), ("107/2021/nd-cp",)],
    "facet-filtered": [("cải cách", {"province": ["Cao Bằng", "Sơn La"]}), ("một cửa", {"year": ["2020"]}),
                       ("thủ tục", {"quarter": ["Q1"], "topic": ["thu_tuc"]})],
    "landing page": [("",)],
    "deep page": [("thủ tục", {}, 50)],
}


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


SAMPLE_SECONDS = 0.5  # shortest memory sampling period: walking the tree is cheap, reading PSS of a large process
# is not (10-15 ms of kernel time for a 100,000-bulletin build's three processes)
SAMPLER_SHARE = 0.02  # the most of one core the sampler may take from the command it measures
POLL_SECONDS = 0.05  # how often the command's end is looked for


def _cchc(*args: str) -> tuple[float, float, float]:
    """Run ``cchc`` in a subprocess; (seconds, peak memory in MB of it and its worker processes together, CPU
    seconds of the whole tree).

    Memory is the proportional set size (shared pages split between the processes sharing them) of the whole process
    tree, sampled every ``SAMPLE_SECONDS`` or less often, so forked workers are counted without double-counting what
    they share with the parent. Reading PSS costs kernel time in proportion to the memory mapped, so the period
    grows with what a sample cost (``SAMPLER_SHARE`` of a core at most); the end of the command is looked for every
    ``POLL_SECONDS`` whatever the period, so a short command's wall time is not rounded up to the next sample. CPU
    time (user and system, the workers' included once they are reaped) does not depend on what else the machine
    runs: wall time does.
    """
    started = time.perf_counter()
    process = subprocess.Popen([str(Path(sys.executable).with_name("cchc")), *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, next_sample = 0, 0.0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)  # the usage of the child and its reaped workers
        if pid:
            break
        if time.perf_counter() >= next_sample:
            spent = time.process_time()
            peak = max(peak, _tree_pss(process.pid))
            next_sample = time.perf_counter() + max(SAMPLE_SECONDS, (time.process_time() - spent) / SAMPLER_SHARE)
        time.sleep(POLL_SECONDS)  # the end is seen within this, whatever the sampling period
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, args)
    return seconds, peak / 1024, usage.ru_utime + usage.ru_stime


def _descendants(root: int) -> set[int]:
    """``root`` and the processes below it, from each thread's ``children`` list (no scan of /proc)."""
    tree, frontier = set(), [root]
    while frontier:
        pid = frontier.pop()
        if pid in tree:
            continue
        tree.add(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                frontier += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return tree


def _tree_pss(root: int) -> int:
    """Total PSS in KB of ``root`` and its descendants (0 for processes that are gone)."""
    total = 0
    for pid in _descendants(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return total


def _tokenize(text: str) -> int:
    from pyvi.ViTokenizer import ViTokenizer

    return len(ViTokenizer.tokenize(text))


def pyvi_rate(corpus: Path, jobs: int | None) -> float:
    """Stock pyvi segmenting the raw texts on all cores, in bulletins per second (the reference rate)."""
    import multiprocessing

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    _tokenize("khởi động")  # load the model before forking
    with multiprocessing.get_context("fork").Pool(jobs or os.cpu_count()) as pool:
        started = time.perf_counter()
        pool.map(_tokenize, texts, chunksize=16)
        return len(texts) / (time.perf_counter() - started)


def _change_share(corpus: Path, share: float) -> int:
    files = sorted(corpus.glob("*.txt"))
    step = max(1, int(1 / share))
    for path in files[::step]:
        path.write_text(path.read_text(encoding="utf-8") + "\n\nBổ sung: cập nhật số liệu.", encoding="utf-8")
    return len(files[::step])






def time_queries(engine: SearchEngine, peers: list, repeat: int) -> dict[str, list[list[float]]]:
    """Per query class, the milliseconds of every run: ours first, then each peer's."""
    engine.run_search(make_request("khởi động"))  # open the searcher and facet arrays once
    out = {}
    for name, entries in QUERY_CLASSES.items():
        runs: list[list[float]] = [[] for _ in range(1 + len(peers))]
        for entry in entries:
            query = entry[0]
            filters = entry[1] if len(entry) > 1 else {}
            page = entry[2] if len(entry) > 2 else 1
            request = make_request(query, filters, page=page)
            runs[0] += timed(lambda r=request: engine.run_search(r), repeat)
            for times, peer in zip(runs[1:], peers, strict=True):
                times += timed(lambda q=query, f=request.filters, p=page, peer=peer: peer.search(q, f, p), repeat)
        out[name] = runs
    return out


def _cells(times: list[float]) -> str:
    return f"{statistics.median(times):.1f} | {percentile(times, .95):.1f} | {max(times):.1f}"


def query_table(timings: dict[str, list[list[float]]]) -> list[str]:
    """The markdown table of p50/p95/max per class and engine, with each peer's p50 over ours."""
    lines = ["| query class | ours p50 | p95 | max | FTS5 p50 | p95 | max | tantivy p50 | p95 | max "
             "| FTS5/ours | tantivy/ours (p50) |",
             "|---|" + "---:|" * 11]
    for name, (ours, fts5, tantivy) in timings.items():
        mine = statistics.median(ours)
        lines.append(f"| {name} | {_cells(ours)} | {_cells(fts5)} | {_cells(tantivy)} | "
                     f"{statistics.median(fts5) / mine:.2f} | {statistics.median(tantivy) / mine:.2f} |")
    return lines


def run_size(size: int, out: Path, jobs: int | None, repeat: int) -> list[str]:
    corpus, index, database = out / f"corpus-{size}", out / f"index-{size}", out / f"fts5-{size}.sqlite"
    tantivy_folder = out / f"tantivy-{size}"
    if corpus.exists():
        shutil.rmtree(corpus)
    write_corpus(size, corpus)
    shutil.rmtree(index, ignore_errors=True)
    job_args = ["--jobs", str(jobs)] if jobs else []
    cold, cold_rss, cold_cpu = _cchc("index", "--full", "--corpus", str(corpus), "--index", str(index), *job_args)
    unchanged, _, _ = _cchc("index", "--corpus", str(corpus), "--index", str(index), *job_args)
    changed = _change_share(corpus, 0.01)
    one_percent, _, _ = _cchc("index", "--corpus", str(corpus), "--index", str(index), *job_args)
    rebuild, rebuild_rss, rebuild_cpu = _cchc("index", "--full", "--corpus", str(corpus), "--index", str(index),
                                              *job_args)
    fts_seconds, fts_docs = build_fts5(index, database)
    tantivy_seconds, _ = build_tantivy(index, tantivy_folder)
    reference = pyvi_rate(corpus, jobs)  # after the builds: its forked pool holds every text
    lines = [
        f"## {size:,} bulletins",
        "",
        f"- cold `cchc index --full`: {cold:.1f} s, **{size / cold:.1f} docs/s**, peak memory {cold_rss:.0f} MB "
        f"(PSS of all its processes), CPU {cold_cpu:.0f} s ({cold_cpu / os.cpu_count():.0f} s a core) "
        f"(SQLite FTS5 insert of the same texts: {fts_seconds:.1f} s, {fts_docs / fts_seconds:.0f} docs/s; "
        f"tantivy: {tantivy_seconds:.1f} s, {fts_docs / tantivy_seconds:.0f} docs/s)",
        f"- stock pyvi alone on all cores: {reference:.1f} docs/s; cold indexing is "
        f"**{100 * size / cold / reference:.0f}%** of that rate",
        f"- no-change incremental: {unchanged:.2f} s; incremental with {changed} changed (1%): {one_percent:.1f} s "
        f"= {100 * one_percent / cold:.1f}% of cold",
        f"- `--full` rebuild of the same corpus: {rebuild:.1f} s = {cold / rebuild:.1f}x faster than cold, "
        f"peak memory {rebuild_rss:.0f} MB, CPU {rebuild_cpu:.0f} s = {100 * rebuild_cpu / cold_cpu:.0f}% of cold's",
        f"- index size {_folder_size(storage_generation(index)) / 1e6:.1f} MB "
        f"(FTS5 {database.stat().st_size / 1e6:.1f} MB, tantivy {_folder_size(tantivy_folder) / 1e6:.1f} MB)",
        "",
    ]
    peers = [Fts5Searcher(database), TantivySearcher(tantivy_folder)]
    lines += query_table(time_queries(SearchEngine(index, cache_size=0), peers, repeat))
    lines += ["", f"Peak RSS of a serving process (ours alone, every query class run): {serving_rss(index):.0f} MB",
              ""]
    return lines + view_lines(index, repeat)


def serving_rss(index: Path) -> float:
    """Peak memory in MB of a fresh process that opens the index and runs every query class, as a worker does."""
    script = ("import resource, sys\n"
              "from bench.run import QUERY_CLASSES\n"
              "from search.engine import SearchEngine\n"
              "from search.models import make_request\n"
              "engine = SearchEngine(sys.argv[1])\n"
              "for entries in QUERY_CLASSES.values():\n"
              "    for entry in entries:\n"
              "        engine.run_search(make_request(entry[0], *(entry[1:2] or [{}]), "
              "page=entry[2] if len(entry) > 2 else 1))\n"
              "engine.suggest('cai cach hanh chin')\n"
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", script, str(index)], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


def storage_generation(index: Path) -> Path:
    from search.storage import current_generation

    return current_generation(index) or index


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, Python "
            f"{platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=None, help="indexing worker processes [all cores]")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    report = ["# Benchmark results", "", f"Machine: {machine()}.", ""]
    for size in (int(s) for s in args.sizes.split(",")):
        lines = run_size(size, args.out, args.jobs, args.repeat)
        print("\n".join(lines), flush=True)
        report += lines
    if args.markdown:
        args.markdown.write_text("\n".join(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
