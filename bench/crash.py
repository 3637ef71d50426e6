"""Crash trials: ``kill -9`` of ``cchc index --full`` at random moments, and concurrent writers.

    python -m bench.crash --trials 20        # prints one line per trial and the totals

Each trial changes the corpus (so a finished build would show a new count),
starts ``cchc index --full`` and kills it with SIGKILL after a random delay,
drawn from shortly before the new generation folder appears (timed in two
calibration builds) to the calibrated end of a build (builds vary, so some
finish first). A kill counts as mid-build only if the process had not
finished and its new generation folder existed; earlier kills (interpreter
start-up, waiting for the lock) are counted apart. Then it checks that the
served index opens and holds either the previous complete state or the new
complete one, never a mix; that the next ``cchc index`` completes (a stale
lock would make it wait for ever: it gets ``LOCK_SECONDS``); and that the
index then matches the corpus. Concurrent trials start two ``cchc index
--full`` at once and check that one runs, the other stops with "busy" (or
runs after it), and the index is whole.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import generate
from search import storage
from search.engine import SearchEngine
from search.models import make_request

CCHC = str(Path(sys.executable).with_name("cchc"))
SAMPLES = Path(__file__).resolve().parent.parent / "corpus"
LOCK_SECONDS = 60
EXTRA = 20  # generated bulletins beside the samples, so a build lasts long enough to be cut anywhere


@dataclass
class Outcome:
    trials: int = 0
    killed_mid_build: int = 0  # the new generation folder existed and the build had not finished
    killed_before_build: int = 0  # no new generation folder yet
    finished_before_kill: int = 0
    concurrent: int = 0
    problems: list[str] = field(default_factory=list)


def _cchc(*args: str, timeout: float = LOCK_SECONDS) -> subprocess.CompletedProcess:
    return subprocess.run([CCHC, *args], capture_output=True, text=True, timeout=timeout)


def _served_count(index: Path) -> int:
    """Documents in the served index, read the way the web app reads it (and a real query on it)."""
    engine = SearchEngine(index)
    try:
        total = engine.run_search(make_request("")).total
        engine.run_search(make_request("cải cách hành chính"))
        return total
    finally:
        engine.close()


def _change(corpus: Path, rng: random.Random, serial: int) -> None:
    """Add a bulletin, or remove one of the added ones: a different count either way."""
    added = sorted(corpus.glob("extra-*.txt"))
    if added and rng.random() < 0.4:
        rng.choice(added).unlink()
    else:
        text = next(generate(1, seed=10_000 + serial))
        (corpus / f"extra-trial-{serial:04d}.txt").write_text(text, encoding="utf-8")


def _corpus(folder: Path) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir()
    for path in SAMPLES.glob("*.txt"):
        shutil.copyfile(path, corpus / path.name)
    for number, text in enumerate(generate(EXTRA, seed=77)):
        (corpus / f"extra-{number:04d}.txt").write_text(text, encoding="utf-8")
    return corpus


def _full(corpus: Path, index: Path, options: tuple[str, ...]) -> list[str]:
    return [CCHC, "index", "--corpus", str(corpus), "--index", str(index), "--full", *options]


def _survivors(corpus: Path, seconds: float = 5.0) -> list[int]:
    """Processes still running an index of ``corpus`` (orphaned workers would hold its locks)."""
    deadline = time.monotonic() + seconds
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"index" in command and str(corpus).encode() in command:
                found.append(int(entry.name))
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _generations(index: Path) -> set[str]:
    return {path.name for path in index.glob("gen-*")}


def _timed_build(corpus: Path, index: Path, options: tuple[str, ...]) -> tuple[float, float]:
    """Seconds until a ``--full`` build's new generation folder appeared, and until the build ended."""
    known = _generations(index)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(_full(corpus, index, options), stdout=subprocess.DEVNULL, stderr=errors)
        appeared = None
        while process.poll() is None:
            if appeared is None and _generations(index) - known:
                appeared = time.perf_counter() - started
            time.sleep(0.005)
        ended = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"calibration build failed: {errors.read().decode()[-500:]}")
    return (ended if appeared is None else appeared), ended


def _kill_trial(corpus: Path, index: Path, rng: random.Random, serial: int, timings: dict, out: Outcome) -> None:
    before = _served_count(index)
    _change(corpus, rng, serial)
    after = len(list(corpus.glob("*.txt")))
    options = rng.choice(list(timings))
    appears, length = timings[options]
    known = _generations(index)
    process = subprocess.Popen(_full(corpus, index, options), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    delay = rng.uniform(appears * 0.8, length)
    time.sleep(delay)
    finished = process.poll() is not None
    building = bool(_generations(index) - known)  # looked at before the kill: a late folder counts as not yet
    process.send_signal(signal.SIGKILL)
    process.wait()
    out.finished_before_kill += finished
    out.killed_mid_build += not finished and building
    out.killed_before_build += not finished and not building
    orphans = _survivors(corpus)
    if orphans:
        out.problems.append(f"trial {serial}: worker processes {orphans} outlived the killed 'cchc index'")
    served = _served_count(index)
    allowed = {after} if finished else {before, after}
    if served not in allowed:
        out.problems.append(f"trial {serial}: killed after {delay:.2f} s, served {served}, expected {allowed}")
    try:
        rerun = _cchc("index", "--corpus", str(corpus), "--index", str(index), "--wait")
    except subprocess.TimeoutExpired:
        out.problems.append(f"trial {serial}: the next 'cchc index' was still waiting after {LOCK_SECONDS} s")
        return
    if rerun.returncode != 0:
        out.problems.append(f"trial {serial}: the next 'cchc index' failed: {rerun.stderr.strip()}")
    elif _served_count(index) != after:
        out.problems.append(f"trial {serial}: after the next run the index has {_served_count(index)}, "
                            f"the corpus {after}")
    moment = "finished" if finished else "mid-build" if building else "before the build"
    print(f"trial {serial:2d}: {' '.join(('--full', *options))} killed after {delay:.2f} s ({moment}), "
          f"served {served} of {sorted(allowed)}; next run: exit {rerun.returncode}, index = corpus", flush=True)


def _concurrent_trial(corpus: Path, index: Path, rng: random.Random, serial: int, out: Outcome) -> None:
    _change(corpus, rng, serial)
    expected = len(list(corpus.glob("*.txt")))
    command = [CCHC, "index", "--corpus", str(corpus), "--index", str(index), "--full"]
    runs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    finished = [run.communicate(timeout=LOCK_SECONDS * 2) for run in runs]
    codes = sorted(run.returncode for run in runs)
    errors = " ".join(err.strip() for _, err in finished)
    out.concurrent += 1
    if codes not in ([0, 0], [0, 3]) or (codes == [0, 3] and "Another 'cchc index'" not in errors):
        out.problems.append(f"concurrent trial {serial}: exit codes {codes}: {errors}")
    served = _served_count(index)
    if served != expected:
        out.problems.append(f"concurrent trial {serial}: index has {served}, corpus {expected}")
    print(f"concurrent {serial:2d}: exit codes {codes}, index = corpus ({served})", flush=True)


def run_trials(trials: int, concurrent: int = 3, seed: int = 2026, folder: Path | None = None) -> Outcome:
    """Run the trials in ``folder`` (a temporary one by default); the outcome lists every problem."""
    rng = random.Random(seed)
    out = Outcome()
    with tempfile.TemporaryDirectory(dir=folder) as work:
        corpus, index = _corpus(Path(work)), Path(work) / "index"
        _cchc("index", "--corpus", str(corpus), "--index", str(index), "--full", timeout=600).check_returncode()
        timings = {}
        for options in ((), ("--scratch",)):  # a --full reusing the unchanged bulletins, and one from nothing
            _change(corpus, rng, 0)
            timings[options] = _timed_build(corpus, index, options)
        print("builds: " + ", ".join(f"{' '.join(('--full', *o))}: new generation after {a:.2f} s, done after "
                                     f"{e:.2f} s" for o, (a, e) in timings.items())
              + "; kills fall between 0.8 times the first and the second", flush=True)
        for serial in range(1, trials + 1):
            _kill_trial(corpus, index, rng, serial, timings, out)
            out.trials += 1
        for serial in range(trials + 1, trials + 1 + concurrent):
            _concurrent_trial(corpus, index, rng, serial, out)
        leftovers = [p.name for p in index.glob("gen-*")]
        if len(leftovers) > 1 + storage.KEEP_PREVIOUS + 1:
            out.problems.append(f"generations pile up: {leftovers}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--concurrent", type=int, default=3)
    parser.add_argument("--seed", type=int, default=int(os.environ.get("CCHC_CRASH_SEED", 2026)))
    args = parser.parse_args()
    out = run_trials(args.trials, args.concurrent, args.seed)
    print(f"\n{out.trials} kill -9 trials ({out.killed_mid_build} mid-build, {out.killed_before_build} before the "
          f"new generation existed, {out.finished_before_kill} after the build finished), "
          f"{out.concurrent} concurrent-writer trials: {len(out.problems)} problems")
    for problem in out.problems:
        print("PROBLEM", problem)
    sys.exit(1 if out.problems else 0)


if __name__ == "__main__":
    main()
