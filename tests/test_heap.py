"""webapp.heap: a serving worker hands its freed heap back when its last request in flight is answered."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from webapp.heap import IdleTrim, _libc_trim
from webapp.server import Server, _request_finished, _request_started


def test_trims_only_when_the_last_request_in_flight_ends_and_not_twice_within_the_gap():
    calls, now = [], [10.0]
    idle = IdleTrim(lambda: calls.append(now[0]), gap=1.0, clock=lambda: now[0])
    for _ in range(3):
        idle.started()
    idle.finished()
    idle.finished()
    now[0] = 10.2
    idle.finished()                       # the third ends: idle
    now[0] = 10.7
    idle.started()
    idle.finished()                       # idle again, within the gap
    now[0] = 11.3
    idle.started()
    idle.finished()
    assert calls == [10.2, 11.3]


def test_a_finish_without_a_start_never_counts_below_zero():
    calls = []
    idle = IdleTrim(lambda: calls.append(1), gap=0.0)
    idle.finished()
    idle.finished()
    idle.started()
    idle.finished()
    assert calls == [1, 1, 1]


def test_many_threads_finish_with_one_trim_per_idle_moment():
    calls = []
    idle = IdleTrim(lambda: calls.append(1), gap=3600.0)
    barrier = threading.Barrier(8)

    def request():
        idle.started()
        barrier.wait()
        idle.finished()

    threads = [threading.Thread(target=request) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]


def test_without_a_trim_function_nothing_is_called():
    idle = IdleTrim(None, gap=0.0)
    idle.started()
    idle.finished()  # no error, nothing to call


def _pss_mb() -> float:
    for line in Path(f"/proc/{os.getpid()}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no Pss line")


@pytest.mark.skipif(_libc_trim() is None, reason="the C library has no malloc_trim")
def test_the_c_librarys_trim_gives_freed_heap_back():
    trim = _libc_trim()
    trim()
    kept = bytearray(8)
    blocks = [bytearray(64 * 1024) for _ in range(1600)]  # 100 MB in the heap (below the mmap threshold)
    for block in blocks:
        block[::4096] = b"x" * len(block[::4096])          # touched, so resident
    kept = bytearray(8)                                     # a live object above them pins the heap's top
    grown = _pss_mb()
    del blocks
    freed = _pss_mb()
    trim()
    trimmed = _pss_mb()
    assert (freed - trimmed > 50, grown - freed < 50, len(kept)) == (True, True, 8)


def test_serve_registers_the_hooks_and_they_drive_the_workers_count():
    from flask import Flask

    server = Server(Flask("probe"), "127.0.0.1", 0, 1, 2)
    assert (server.cfg.pre_request, server.cfg.post_request) == (_request_started, _request_finished)
    calls = []
    worker = SimpleNamespace(idle_trim=IdleTrim(lambda: calls.append(1), gap=0.0))
    _request_started(worker, None)
    _request_started(worker, None)
    _request_finished(worker, None, {}, None)
    assert calls == []
    _request_finished(worker, None, {}, None)
    assert calls == [1]
