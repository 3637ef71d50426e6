"""The benchmark runs end to end at the CI smoke size; the generator is deterministic and realistic."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.generate import generate, write_corpus
from bench.run import QUERY_CLASSES, _cchc, run_size
from bench.views import VIEW_CLASSES
from indexer.metadata import extract_metadata
from indexer.reader import read_corpus

ROOT = Path(__file__).resolve().parent.parent
DIGEST = "import hashlib; from bench.generate import generate; " \
         "print(hashlib.sha256('\\0'.join(generate(20, seed=7)).encode()).hexdigest())"


def _digest_in_a_new_interpreter(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-c", DIGEST], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_generator_gives_the_same_texts_in_every_process():
    """Benchmark runs compare like with like: the texts depend on the seed, not on the process's hash seed."""
    here = hashlib.sha256("\0".join(generate(20, seed=7)).encode()).hexdigest()
    assert [_digest_in_a_new_interpreter(s) for s in ("0", "4242")] == [here, here]
    assert list(generate(5, seed=7)) != list(generate(5, seed=8))


def test_the_generator_command_writes_a_corpus_and_names_bad_arguments(tmp_path, capsys):
    from bench.generate import main

    assert main(["3", str(tmp_path / "corpus")]) == 0
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["000000.txt", "000001.txt", "000002.txt"]
    with pytest.raises(SystemExit) as stopped:
        main(["many", str(tmp_path / "other")])
    assert stopped.value.code == 2 and "invalid int value: 'many'" in capsys.readouterr().err
    (tmp_path / "file").write_text("x")
    assert main(["1", str(tmp_path / "file" / "corpus")]) == 1
    assert capsys.readouterr().err.startswith("Error: ")


def test_generated_bulletins_are_extractable(tmp_path):
    corpus = write_corpus(30, tmp_path / "c", seed=7)
    bulletins = [extract_metadata(r) for r in read_corpus(corpus)]
    assert all(b.year and b.title and b.text for b in bulletins)
    assert sum(b.province is not None for b in bulletins) >= 25
    assert sum(bool(b.refs) for b in bulletins) >= 25


@pytest.mark.slow
def test_benchmark_smoke_run_prints_every_figure(tmp_path):
    lines = run_size(1000, tmp_path, jobs=None, repeat=1)
    report = "\n".join(lines)
    assert lines[0] == "## 1,000 bulletins"
    assert re.search(r"cold `cchc index --full`: [\d.]+ s, \*\*[\d.]+ docs/s\*\*, peak memory \d+ MB "
                     r"\(PSS of all its processes\), CPU \d+ s \(\d+ s a core\)", report)
    assert re.search(r"stock pyvi alone on all cores: [\d.]+ docs/s; cold indexing is \*\*\d+%\*\*", report)
    assert re.search(r"incremental with 10 changed \(1%\): [\d.]+ s = [\d.]+% of cold", report)
    assert re.search(r"`--full` rebuild of the same corpus: [\d.]+ s = [\d.]+x faster than cold, peak memory \d+ MB, "
                     r"CPU \d+ s = \d+% of cold's", report)
    views = lines.index("| view (built index) | p50 ms | p95 ms | max ms |")
    rows = [line for line in lines[:views] if line.startswith("| ") and not line.startswith("| query class")]
    assert [row.split(" | ")[0][2:] for row in rows] == list(QUERY_CLASSES)
    assert all(len(row.split("|")) == 14 for row in rows)  # class, 3 engines x (p50, p95, max), 2 ratios
    view_rows = [line for line in lines[views + 2:] if line.startswith("| ")]
    assert [row.split(" | ")[0][2:] for row in view_rows] == list(VIEW_CLASSES)
    assert re.search(r"Peak RSS of a serving process \(ours alone, every query class run\): \d+ MB", report)


def test_the_stage_clock_counts_each_stage_once(tmp_path):
    """``bench.stages`` splits a build's CPU time into its stages, each exclusive of the stages inside it."""
    corpus = write_corpus(5, tmp_path / "corpus")
    out = subprocess.run([sys.executable, "-m", "bench.stages", str(corpus), str(tmp_path / "index")],
                         capture_output=True, text=True, check=True).stdout
    found = json.loads(out)
    assert found["documents"] == 5
    assert {"places", "pyvi: CRF predict", "Whoosh commit (sort and write postings)"} <= found["stages"].keys()
    assert all(seconds >= 0 for name, seconds in found["stages"].items() if name != "other")
    assert sum(s for name, s in found["stages"].items() if name != "other") <= found["total"]  # none counted twice


def test_a_cchc_run_is_timed_with_its_memory_and_cpu(tmp_path):
    """``bench.run`` times a real ``cchc`` process: wall seconds, peak PSS and the CPU seconds of its tree."""
    corpus = write_corpus(20, tmp_path / "corpus")
    seconds, peak, cpu = _cchc("index", "--full", "--corpus", str(corpus), "--index", str(tmp_path / "index"),
                               "--jobs", "2")
    assert seconds > 0 and peak > 20 and 0 < cpu
    with pytest.raises(subprocess.CalledProcessError):
        _cchc("index", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "index"))


@pytest.mark.slow
def test_the_memory_sampler_keeps_to_its_share_of_a_core(tmp_path, monkeypatch):
    """A sample that costs CPU time spaces the next ones out (``SAMPLER_SHARE``): the measured command keeps the
    machine, and the sampler's wait never delays seeing its end."""
    import bench.run as run

    samples = []

    def costly(root: int) -> int:  # a sample costing 50 ms of CPU, as reading the PSS of a large build does
        samples.append(root)
        until = time.process_time() + 0.05
        while time.process_time() < until:
            pass
        return 1024

    monkeypatch.setattr(run, "_tree_pss", costly)
    corpus = write_corpus(20, tmp_path / "corpus")
    seconds, peak, _ = _cchc("index", "--full", "--corpus", str(corpus), "--index", str(tmp_path / "index"))
    assert peak == 1.0
    assert 1 <= len(samples) <= 1 + seconds * run.SAMPLER_SHARE / 0.05 + 1  # one every 2.5 s at most, not 2 a second
    started = time.perf_counter()
    _cchc("--version")  # ends at once: the first sample's long wait is not waited out
    assert time.perf_counter() - started < 2.5
